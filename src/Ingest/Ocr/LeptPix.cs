using System.Runtime.InteropServices;

namespace DocIntel.Ingest.Ocr;

/// <summary>A Leptonica image (PIX*) owned by .NET; freed with pixDestroy.</summary>
internal sealed class LeptPix : SafeHandle
{
    private LeptPix() : base(IntPtr.Zero, ownsHandle: true) { }

    internal LeptPix(IntPtr pix) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(pix);

    public override bool IsInvalid => handle == IntPtr.Zero;

    public int Width => TesseractNative.pixGetWidth(handle);

    public int Height => TesseractNative.pixGetHeight(handle);

    public int Depth => TesseractNative.pixGetDepth(handle);

    public int XResolution => TesseractNative.pixGetXRes(handle);

    public IntPtr Pointer => handle;

    protected override bool ReleaseHandle()
    {
        var p = handle;
        TesseractNative.pixDestroy(ref p);
        return true;
    }

    public void SetResolution(int dpi) => TesseractNative.pixSetResolution(handle, dpi, dpi);

    /// <summary>A new image turned by quarter turns clockwise (1 = 90°, 2 = 180°, 3 = 270°).</summary>
    public LeptPix RotateOrth(int quads) => Wrap(TesseractNative.pixRotateOrth(handle, quads)) ?? throw new InvalidOperationException("pixRotateOrth failed");

    /// <summary>
    /// A grey copy scaled by <paramref name="factor"/> with linear interpolation, at <paramref name="dpi"/>. A bilevel page is
    /// made grey first, so its staircase edges become ramps that Tesseract's own threshold turns into smooth strokes.
    /// </summary>
    public LeptPix ScaleGray(double factor, int dpi)
    {
        using var gray = Depth == 8 ? null : Wrap(TesseractNative.pixConvertTo8(handle, 0)) ?? throw new InvalidOperationException("pixConvertTo8 failed");
        var scaled = Wrap(TesseractNative.pixScaleGrayLI(gray?.Pointer ?? handle, (float)factor, (float)factor)) ?? throw new OutOfMemoryException("pixScaleGrayLI failed");
        scaled.SetResolution(dpi);
        return scaled;
    }

    /// <summary>
    /// A bilevel copy without the specks (components under <paramref name="size"/> px each way) that lie farther than
    /// <paramref name="reach"/> px from any larger component (a letter): isolated noise goes, marks beside letters stay.
    /// </summary>
    public LeptPix WithoutIsolatedSpecks(int size, int reach)
    {
        using var big = Wrap(TesseractNative.pixSelectBySize(handle, size, size, 8, 5, 4, IntPtr.Zero)) ?? throw new InvalidOperationException("pixSelectBySize failed");
        using var near = Wrap(TesseractNative.pixDilateBrick(IntPtr.Zero, big.Pointer, 2 * reach + 1, 2 * reach + 1)) ?? throw new InvalidOperationException("pixDilateBrick failed");
        using var small = Wrap(TesseractNative.pixXor(IntPtr.Zero, handle, big.Pointer)) ?? throw new InvalidOperationException("pixXor failed");
        // Whole specks, not pixels: a mark that reaches into the letters' neighbourhood stays entire.
        using var touching = Wrap(TesseractNative.pixAnd(IntPtr.Zero, small.Pointer, near.Pointer)) ?? throw new InvalidOperationException("pixAnd failed");
        using var kept = Wrap(TesseractNative.pixSeedfillBinary(IntPtr.Zero, touching.Pointer, small.Pointer, 8)) ?? throw new InvalidOperationException("pixSeedfillBinary failed");
        using var far = Wrap(TesseractNative.pixSubtract(IntPtr.Zero, small.Pointer, kept.Pointer)) ?? throw new InvalidOperationException("pixSubtract failed");
        var result = Wrap(TesseractNative.pixSubtract(IntPtr.Zero, handle, far.Pointer)) ?? throw new InvalidOperationException("pixSubtract failed");
        result.SetResolution(XResolution);
        return result;
    }

    /// <summary>The image as 8-bit grey bytes, one byte a pixel, rows packed (for Magick.NET clean-up).</summary>
    public byte[] ToGray8()
    {
        using var gray = Depth == 8 ? null : Wrap(TesseractNative.pixConvertTo8(handle, 0));
        var src = gray?.Pointer ?? handle;
        int w = TesseractNative.pixGetWidth(src), h = TesseractNative.pixGetHeight(src), wpl = TesseractNative.pixGetWpl(src);
        var data = TesseractNative.pixGetData(src);
        var result = new byte[(long)w * h];
        var row = new int[wpl];
        for (var y = 0; y < h; y++)
        {
            Marshal.Copy(data + y * wpl * 4, row, 0, wpl);
            // Leptonica stores pixels big-endian within each 32-bit word.
            for (var x = 0; x < w; x++) result[(long)y * w + x] = (byte)(row[x >> 2] >> (24 - 8 * (x & 3)));
        }
        return result;
    }

    /// <summary>
    /// Counts, for each row, the dark pixels between columns <paramref name="left"/> and <paramref name="right"/>
    /// (exclusive): black in a bilevel image, under 128 in a grey one. Reads Leptonica's pixels in place (no per-page
    /// copy: an 8-bit copy of a 300 dpi page is 8.7 MB, which the GC kept committed page after page).
    /// </summary>
    public unsafe void CountDarkPerRow(int left, int right, Span<int> counts)
    {
        using var gray = Depth is 1 or 8 ? null : Wrap(TesseractNative.pixConvertTo8(handle, 0)) ?? throw new OutOfMemoryException("pixConvertTo8 failed");
        var src = gray?.Pointer ?? handle;
        int h = Math.Min(counts.Length, TesseractNative.pixGetHeight(src)), wpl = TesseractNative.pixGetWpl(src), depth = TesseractNative.pixGetDepth(src);
        right = Math.Min(right, TesseractNative.pixGetWidth(src));
        var data = (uint*)TesseractNative.pixGetData(src);
        for (var y = 0; y < h; y++)
        {
            var row = data + (long)y * wpl;
            var dark = 0;
            // Leptonica stores pixels big-endian within each 32-bit word: pixel x is the word's (x mod 32)-th bit (1 bpp,
            // 1 = black) or (x mod 4)-th byte (8 bpp) counted from the most significant end.
            if (depth == 1) for (var x = left; x < right; x++) dark += (int)(row[x >> 5] >> (31 - (x & 31))) & 1;
            else for (var x = left; x < right; x++) dark += (row[x >> 2] >> (24 - 8 * (x & 3)) & 0xFF) < 128 ? 1 : 0;
            counts[y] = dark;
        }
    }

    /// <summary>An 8-bit grey image from packed grey bytes (w × h).</summary>
    public static LeptPix FromGray8(ReadOnlySpan<byte> pixels, int width, int height, int dpi)
    {
        var pix = Wrap(TesseractNative.pixCreate(width, height, 8)) ?? throw new OutOfMemoryException("pixCreate failed");
        var wpl = TesseractNative.pixGetWpl(pix.Pointer);
        var data = TesseractNative.pixGetData(pix.Pointer);
        var row = new int[wpl];
        for (var y = 0; y < height; y++)
        {
            Array.Clear(row);
            var line = pixels.Slice(y * width, width);
            for (var x = 0; x < width; x++) row[x >> 2] |= line[x] << (24 - 8 * (x & 3));
            Marshal.Copy(row, 0, data + y * wpl * 4, wpl);
        }
        pix.SetResolution(dpi);
        return pix;
    }

    internal static LeptPix? Wrap(IntPtr p) => p == IntPtr.Zero ? null : new LeptPix(p);
}
