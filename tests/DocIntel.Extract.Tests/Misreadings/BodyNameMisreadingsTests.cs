using DocIntel.Extract.Misreadings;

namespace DocIntel.Extract.Tests.Misreadings;

public sealed class BodyNameMisreadingsTests
{
    private static readonly BodyNameMisreadings Misreadings = new(TestReference.Value.Gazetteer);

    [Theory]
    [InlineData("Ủy ban nhân dân tình thanh hóa", "Ủy ban nhân dân tỉnh Thanh Hóa")] // dev c011, 200 dpi
    [InlineData("Ủy ban nhân dân thành phõ cân thơ", "Ủy ban nhân dân thành phố Cần Thơ")] // dev c007
    [InlineData("Ủy ban nhân dân tỉnh Đẳk Lắk", "Ủy ban nhân dân tỉnh Đắk Lắk")] // dev c008
    [InlineData("Đăng ủy xã Bình Chương", "Đảng ủy xã Bình Chương")] // seed 000
    [InlineData("Đăng bộ huyện Bình Sơn", "Đảng bộ huyện Bình Sơn")]
    [InlineData("Tỉnh ủy Thái Binh", "Tỉnh ủy Thái Bình")]
    [InlineData("Ủy ban nhân dân tỉnh Thái Bình", "Ủy ban nhân dân tỉnh Thái Bình")]
    // a word that is neither a body's nor a known place's: left as read
    [InlineData("Ban Chỉ đạo thực hiện dân chủ ở cơ sở", "Ban Chỉ đạo thực hiện dân chủ ở cơ sở")]
    [InlineData("Ủy ban nhân dân tỉnh Xyz", "Ủy ban nhân dân tỉnh Xyz")]
    public void SpellsABodyNameAsTheBodyWordsAndTheGazetteerDo(string read, string expected) => Assert.Equal(expected, Misreadings.Respell(read));
}
