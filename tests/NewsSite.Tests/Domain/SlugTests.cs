using NewsSite.Domain;

namespace NewsSite.Tests.Domain;

public class SlugTests
{
    [Fact]
    public void Tashkeel_isStripped()
    {
        Assert.Equal("الأخبار", Slug.From("الأخْبارُ"));
    }

    [Fact]
    public void FullTashkeel_isStripped()
    {
        // fatha, damma, kasra, sukun, shadda, tanween and superscript alef.
        Assert.Equal("كتب-محمد-هذا-كتابا", Slug.From("كَتَبَ مُحَمَّدٌ هٰذا كِتابًا"));
    }

    [Fact]
    public void Tatweel_isStripped()
    {
        Assert.Equal("الاخبار", Slug.From("الاخبـــار"));
    }

    [Fact]
    public void ArabicLetters_areKeptAsTheyAre()
    {
        Assert.Equal("مؤتمر-إعلامي-في-الكويت-ومدينة-الرياض", Slug.From("مؤتمر إعلامي في الكويت ومدينة الرياض"));
    }

    [Fact]
    public void DecomposedHamza_isComposed()
    {
        // Alef + combining hamza above becomes the single letter أ rather than losing the hamza.
        Assert.Equal("أخبار", Slug.From("\u0627\u0654خبار"));
    }

    [Fact]
    public void Words_areJoinedWithSingleDashes()
    {
        Assert.Equal("أخبار-اليوم-العاجلة", Slug.From("أخبار   اليوم \t العاجلة"));
    }

    [Theory]
    [InlineData("هل انتهت الأزمة؟", "هل-انتهت-الأزمة")]
    [InlineData("أولا، ثانيا؛ ثالثا", "أولا-ثانيا-ثالثا")]
    [InlineData("«عاجل» الأسواق", "عاجل-الأسواق")]
    [InlineData("السعر: ١٠٠ دينار!", "السعر-100-دينار")]
    [InlineData("Hello, World! (2025)", "hello-world-2025")]
    [InlineData("C#/.NET & \"Razor\" <pages>", "c-net-razor-pages")]
    public void Punctuation_isDropped(string title, string expected)
    {
        Assert.Equal(expected, Slug.From(title));
    }

    [Fact]
    public void Latin_isLowerCased()
    {
        Assert.Equal("iphone-17-في-الأسواق", Slug.From("iPhone 17 في الأسواق"));
    }

    [Fact]
    public void ArabicIndicDigits_becomeWesternDigits()
    {
        Assert.Equal("0123456789", Slug.From("٠١٢٣٤٥٦٧٨٩"));
        Assert.Equal("ميزانية-عام-2025", Slug.From("ميزانية عام ٢٠٢٥"));
    }

    [Fact]
    public void RepeatedSeparators_collapseToOneDash()
    {
        Assert.Equal("أخبار-اليوم", Slug.From("أخبار - - ، ؟؟ ... اليوم"));
    }

    [Theory]
    [InlineData("...أخبار...")]
    [InlineData("-أخبار-")]
    [InlineData("  «أخبار»  ")]
    [InlineData("؟أخبار؟")]
    public void LeadingAndTrailingSeparators_areDropped(string title)
    {
        Assert.Equal("أخبار", Slug.From(title));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!!")]
    [InlineData("؟،؛«»")]
    [InlineData(" - ")]
    [InlineData("ـــ")]
    [InlineData("ًٌٍَُِّْ")]
    public void NothingSluggable_yieldsEmpty(string title)
    {
        Assert.Equal("", Slug.From(title));
    }

    [Fact]
    public void ScriptTitle_yieldsOnlyLettersAndDashes()
    {
        var slug = Slug.From("<script>alert('xss')</script> خبر");

        Assert.Equal("script-alert-xss-script-خبر", slug);
        Assert.All(slug, c => Assert.True(char.IsLetter(c) || c == '-', $"unexpected character U+{(int)c:X4}"));
    }

    [Fact]
    public void LongTitle_isCutAtAWordBoundary()
    {
        // Five-letter words: 13 of them joined by dashes take 77 characters; a 14th would not fit.
        var title = string.Join(" ", Enumerable.Repeat("أخبار", 20));

        var slug = Slug.From(title);

        Assert.Equal(string.Join("-", Enumerable.Repeat("أخبار", 13)), slug);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(12)]
    public void LongTitle_neverEndsInHalfAWord(int wordLength)
    {
        var words = Enumerable.Range(0, 40).Select(i => new string((char)('ا' + (i % 20)), wordLength)).ToArray();

        var slug = Slug.From(string.Join(" ", words));

        Assert.InRange(slug.Length, 1, Slug.MaxLength);
        Assert.False(slug.EndsWith('-'), slug);
        var kept = slug.Split('-');
        Assert.Equal(words.Take(kept.Length), kept);
        // And it keeps as many whole words as fit.
        var next = string.Join("-", words.Take(kept.Length + 1));
        Assert.True(next.Length > Slug.MaxLength, $"\"{next}\" would still fit in {Slug.MaxLength}");
    }

    [Fact]
    public void TitleFillingMaxLengthExactly_isKeptWhole()
    {
        // Nine eight-letter words and eight dashes are exactly 80 characters.
        var words = Enumerable.Repeat("abcdefgh", 10).ToArray();

        Assert.Equal(Slug.MaxLength, string.Join("-", words.Take(9)).Length);
        Assert.Equal(string.Join("-", words.Take(9)), Slug.From(string.Join(" ", words)));
    }

    [Fact]
    public void SingleWordLongerThanMaxLength_isCutToMaxLength()
    {
        var word = new string('ب', Slug.MaxLength + 25);

        Assert.Equal(new string('ب', Slug.MaxLength), Slug.From(word));
    }

    [Theory]
    [InlineData("الأخْبارُ اليوم!")]
    [InlineData("«عاجل»: ارتفاع أسعار النفط ٣٪ في الكويت")]
    [InlineData("Breaking — NEWS")]
    public void Slug_isIdempotent(string title)
    {
        var once = Slug.From(title);

        Assert.NotEqual("", once);
        Assert.Equal(once, Slug.From(once));
    }
}
