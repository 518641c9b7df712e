using DocIntel.Index.Sqlite;
using FsCheck.Xunit;

namespace DocIntel.Index.Tests.Sqlite;

public sealed class RowSetTests
{
    [Theory]
    [InlineData("3,17,18", 20, new long[] { 3, 17, 18 })]
    [InlineData("18,3,64,63", 64, new long[] { 3, 18, 63, 64 })] // any order in, ascending out; across a word boundary
    [InlineData("", 10, new long[0])]
    [InlineData("5,99", 10, new long[] { 5 })] // a row beyond the snapshot's last is not in it
    public void ReadsFts5sRowIds(string ids, long maxRid, long[] expected)
    {
        var set = RowSet.FromIds(ids, maxRid);
        Assert.Equal(expected, set.Ids());
        Assert.Equal(expected.Length, set.Count());
        Assert.All(expected, id => Assert.True(set.Contains(id)));
    }

    [Property(MaxTest = 300)]
    public bool TheIntersectionHoldsExactlyTheIdsInEverySet(int seed)
    {
        var random = new Random(seed);
        var maxRid = random.Next(1, 1000);
        var lists = Enumerable.Range(0, random.Next(1, 4))
            .Select(_ => Enumerable.Range(0, random.Next(0, 300)).Select(_ => (long)random.Next(1, (int)maxRid + 1)).ToList()).ToList();
        var set = RowSet.Intersect(lists.Select(l => RowSet.FromIds(string.Join(',', l), maxRid)).ToList());
        var expected = lists.Skip(1).Aggregate((IEnumerable<long>)lists[0], (acc, l) => acc.Intersect(l)).Distinct().Order().ToList();
        return set.Ids().SequenceEqual(expected) && set.Count() == expected.Count;
    }
}
