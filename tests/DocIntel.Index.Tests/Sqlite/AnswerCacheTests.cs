using DocIntel.Index.Sqlite;

namespace DocIntel.Index.Tests.Sqlite;

public sealed class AnswerCacheTests
{
    [Fact]
    public void TheLeastRecentlyUsedAnswerGoesWhenTheCountIsReached()
    {
        var cache = new AnswerCache(capacity: 2, maxRows: 1000);
        cache.Set("search|7|dân chủ", "a", 20);
        cache.Set("search|7|hương ước", "b", 20);
        Assert.True(cache.TryGet<string>("search|7|dân chủ", out _)); // now the most recent
        cache.Set("search|7|tiếp công dân", "c", 20);
        Assert.False(cache.TryGet<string>("search|7|hương ước", out _));
        Assert.True(cache.TryGet<string>("search|7|dân chủ", out var kept));
        Assert.Equal("a", kept);
    }

    [Fact]
    public void AnswersTogetherHoldNoMoreRowsThanAllowed()
    {
        var cache = new AnswerCache(capacity: 100, maxRows: 5000);
        cache.Set("citing|7|Nghị định 61/2023", "list", 3000);
        cache.Set("citing|7|Luật 10/2022/QH15", "list", 3000);
        Assert.Equal(3000, cache.Rows);
        Assert.False(cache.TryGet<string>("citing|7|Nghị định 61/2023", out _));
        // An answer larger than the whole budget is not kept at all (it would push out everything else).
        cache.Set("citing|7|Kết luận 120", "list", 6000);
        Assert.False(cache.TryGet<string>("citing|7|Kết luận 120", out _));
        Assert.True(cache.TryGet<string>("citing|7|Luật 10/2022/QH15", out _));
    }

    [Fact]
    public void AnAnswerOfAnotherTypeIsNotReturned()
    {
        var cache = new AnswerCache(capacity: 10, maxRows: 100);
        cache.Set("facets|3|dan chu", "text", 4);
        Assert.False(cache.TryGet<List<int>>("facets|3|dan chu", out _));
    }

    [Fact]
    public void ACacheOfNoSizeKeepsNothing()
    {
        var cache = new AnswerCache(capacity: 0, maxRows: 100);
        cache.Set("search|1|dan chu", "a", 1);
        Assert.False(cache.TryGet<string>("search|1|dan chu", out _));
    }
}
