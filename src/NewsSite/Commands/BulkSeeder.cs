using System.Diagnostics;
using System.Text;

namespace NewsSite.Commands;

/// <summary>Generates many plausible Arabic articles from phrase pools, for load tests at archive scale.</summary>
internal static class BulkSeeder
{
    private const int BatchSize = 1000;

    private static readonly string[] Subjects =
    [
        "وزارة المالية", "مجلس الوزراء", "البلدية", "اتحاد كرة القدم", "هيئة الاتصالات", "جامعة الخليج",
        "غرفة التجارة والصناعة", "وزارة الصحة", "شركة النفط الوطنية", "المجلس الوطني للثقافة",
        "البنك المركزي", "وزارة التربية", "هيئة الطرق والمواصلات", "نادي الساحل الرياضي", "مركز الأبحاث العلمية",
    ];

    private static readonly string[] Verbs =
        ["تعلن", "تطلق", "تناقش", "تعتمد", "تدرس", "تكشف عن", "توقع", "تفتتح", "تراجع", "تستعرض"];

    private static readonly string[] Objects =
    [
        "خطة جديدة لتطوير النقل العام", "ميزانية العام المقبل", "مشروعًا للطاقة الشمسية", "برنامجًا لدعم رواد الأعمال",
        "اتفاقية تعاون إقليمية", "مبادرة للتحول الرقمي", "نتائج الربع الثالث", "معرضًا دوليًا للكتاب",
        "خطة لتوسيع المستشفيات", "جدول الموسم الكروي الجديد", "منصة للخدمات الحكومية", "دراسة عن سوق العمل",
    ];

    private static readonly string[] Tails =
        ["في العاصمة", "خلال الأسبوع المقبل", "بمشاركة واسعة", "وسط ترقب الأسواق", "بحضور مسؤولين", "للمرة الأولى", ""];

    private static readonly string[] Headings =
        ["تفاصيل القرار", "ردود الفعل", "الخطوات المقبلة", "خلفية الخبر", "أرقام ودلالات", "ما يعنيه للمواطنين"];

    private static readonly string[] Sentences =
    [
        "وقال مسؤول في الجهة المعنية إن العمل بدأ فعليًا وإن النتائج الأولى ستظهر خلال أشهر قليلة.",
        "وأوضح البيان الصادر صباح اليوم أن الخطة تمتد على ثلاث مراحل تنتهي بحلول نهاية العام المقبل.",
        "ويرى مراقبون أن الخطوة تعكس توجهًا واضحًا نحو تحسين الخدمات وتقليل الإجراءات.",
        "وتشير الأرقام الرسمية إلى نمو بنسبة 4 في المئة مقارنة بالفترة نفسها من العام الماضي.",
        "وأكد عدد من المختصين أهمية إشراك القطاع الخاص في التنفيذ لضمان الاستدامة.",
        "ومن المنتظر أن تعقد اللجنة المختصة اجتماعًا موسعًا الأسبوع المقبل لمتابعة التنفيذ.",
        "وفي المقابل طالب نواب بمزيد من الشفافية في نشر تفاصيل التكلفة والجدول الزمني.",
        "وأضاف المتحدث أن الأولوية ستكون للمناطق الأكثر حاجة ثم تتوسع التجربة تدريجيًا.",
        "وشهدت الجلسة نقاشًا مطولًا حول آليات التمويل ومصادره على المدى البعيد.",
        "ولفت التقرير إلى أن التجارب المماثلة في دول المنطقة حققت نتائج مشجعة.",
        "ويأتي هذا الإعلان بعد أشهر من الدراسة والتشاور مع الجهات ذات العلاقة.",
        "وتتوقع مصادر مطلعة أن ينعكس القرار إيجابًا على فرص العمل للشباب.",
    ];

    private static readonly string[] TagNames =
    [
        "الاقتصاد المحلي", "الميزانية", "الطاقة", "التعليم", "الصحة", "النقل", "كرة القدم", "الثقافة",
        "التحول الرقمي", "سوق العمل", "البيئة", "الاستثمار", "الشباب", "المدن", "الأسواق",
    ];

    public static async Task<TimeSpan> SeedAsync(IServiceProvider services, int count, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var db = services.GetRequiredService<NewsDbContext>();
        var markdown = services.GetRequiredService<MarkdownRenderer>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var (sections, authors) = await DemoSeeder.EnsureSectionsAndAuthorsAsync(db, ct);
        var sectionIds = sections.Values.Select(s => s.Id).ToArray();
        var authorIds = authors.Values.Select(a => a.Id).ToArray();
        var tags = await EnsureTagsAsync(db, ct);

        var random = new Random(count);
        for (var done = 0; done < count; done += BatchSize)
        {
            db.ChangeTracker.Clear();
            db.Tags.AttachRange(tags);
            var batch = Math.Min(BatchSize, count - done);
            for (var i = 0; i < batch; i++)
            {
                // One story every ten minutes going back in time: 100,000 cover about two years.
                var publishedAt = now.AddMinutes(-10 * (done + i) - 3);
                db.Articles.Add(Generate(random, markdown, publishedAt, sectionIds, authorIds, tags));
            }
            // The batch's rows and their search words commit together: one write per thousand stories.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();
        return stopwatch.Elapsed;
    }

    private static Article Generate(Random random, MarkdownRenderer markdown, DateTime publishedAt,
        int[] sectionIds, int[] authorIds, List<Tag> tags)
    {
        var title = $"{Pick(random, Subjects)} {Pick(random, Verbs)} {Pick(random, Objects)} {Pick(random, Tails)}".TrimEnd();
        var body = new StringBuilder();
        var sectionsInBody = random.Next(2, 5);
        for (var s = 0; s < sectionsInBody; s++)
        {
            if (s > 0)
            {
                body.Append("## ").Append(Pick(random, Headings)).Append("\n\n");
            }
            var paragraphs = random.Next(1, 4);
            for (var p = 0; p < paragraphs; p++)
            {
                var sentences = random.Next(2, 5);
                for (var n = 0; n < sentences; n++)
                {
                    body.Append(Pick(random, Sentences)).Append(' ');
                }
                body.Append("\n\n");
            }
        }
        var article = new Article
        {
            Title = title,
            Slug = Slug.From(title),
            Summary = Pick(random, Sentences),
            SectionId = Pick(random, sectionIds),
            AuthorId = Pick(random, authorIds),
            IsUrgent = random.Next(200) == 0,
            CreatedAt = publishedAt,
            UpdatedAt = publishedAt,
            Tags = [.. tags.OrderBy(_ => random.Next()).Take(random.Next(1, 3))],
        };
        var text = body.ToString();
        article.SetBody(text, markdown.Render(text));
        article.Publish(publishedAt);
        return article;
    }

    private static async Task<List<Tag>> EnsureTagsAsync(NewsDbContext db, CancellationToken ct)
    {
        var slugs = TagNames.Select(Slug.From).ToList();
        var existing = await db.Tags.Where(t => slugs.Contains(t.Slug)).Select(t => t.Slug).ToListAsync(ct);
        db.Tags.AddRange(TagNames.Where(name => !existing.Contains(Slug.From(name)))
            .Select(name => new Tag { Name = name, Slug = Slug.From(name) }));
        await db.SaveChangesAsync(ct);
        return await db.Tags.AsNoTracking().Where(t => slugs.Contains(t.Slug)).ToListAsync(ct);
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
