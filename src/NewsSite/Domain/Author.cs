namespace NewsSite.Domain;

public class Author
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public string Bio { get; set; } = "";
}
