using System.Runtime.InteropServices;

namespace DocIntel.Ingest.Ocr;

/// <summary>
/// The parts of Tesseract's C API (capi.h, libtesseract.so.5 from Debian's libtesseract5) and of Leptonica
/// (allheaders.h, liblept.so.5) that the OCR path uses. Handles are raw pointers owned by the wrapper types.
/// </summary>
internal static partial class TesseractNative
{
    private const string Tess = "libtesseract.so.5";
    private const string Lept = "liblept.so.5";

    [LibraryImport(Tess)] internal static partial IntPtr TessVersion();

    [LibraryImport(Tess)] internal static partial void TessDeleteText(IntPtr text);

    [LibraryImport(Tess)] internal static partial IntPtr TessBaseAPICreate();

    [LibraryImport(Tess)] internal static partial void TessBaseAPIDelete(IntPtr handle);

    [LibraryImport(Tess, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TessBaseAPIInit3(IntPtr handle, string? datapath, string language);

    [LibraryImport(Tess, StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool TessBaseAPISetVariable(IntPtr handle, string name, string value);

    [LibraryImport(Tess)] internal static partial void TessBaseAPISetPageSegMode(IntPtr handle, int mode);

    [LibraryImport(Tess)] internal static partial void TessBaseAPISetImage2(IntPtr handle, IntPtr pix);

    /// <summary>Takes ownership of <paramref name="pix"/>: Clear/End destroy it. Pass a pixClone, never a Pix we still own.</summary>
    [LibraryImport(Tess)] internal static partial void TessBaseAPISetInputImage(IntPtr handle, IntPtr pix);

    [LibraryImport(Tess)] internal static partial void TessBaseAPISetSourceResolution(IntPtr handle, int ppi);

    [LibraryImport(Tess)] internal static partial int TessBaseAPIRecognize(IntPtr handle, IntPtr monitor);

    [LibraryImport(Tess)] internal static partial IntPtr TessBaseAPIGetUTF8Text(IntPtr handle);

    [LibraryImport(Tess)] internal static partial IntPtr TessBaseAPIGetTsvText(IntPtr handle, int pageNumber);

    [LibraryImport(Tess)] internal static partial int TessBaseAPIMeanTextConf(IntPtr handle);

    [LibraryImport(Tess)] internal static partial void TessBaseAPIClear(IntPtr handle);

    [LibraryImport(Tess)] internal static partial void TessBaseAPIEnd(IntPtr handle);

    [LibraryImport(Tess)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool TessBaseAPIDetectOrientationScript(IntPtr handle, out int orientDeg, out float orientConf, out IntPtr scriptName, out float scriptConf);

    [LibraryImport(Tess, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr TessPDFRendererCreate(string outputBase, string dataDir, [MarshalAs(UnmanagedType.Bool)] bool textOnly);

    [LibraryImport(Tess, StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool TessResultRendererBeginDocument(IntPtr renderer, string title);

    [LibraryImport(Tess)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool TessResultRendererAddImage(IntPtr renderer, IntPtr api);

    [LibraryImport(Tess)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool TessResultRendererEndDocument(IntPtr renderer);

    [LibraryImport(Tess)] internal static partial void TessDeleteResultRenderer(IntPtr renderer);

    [LibraryImport(Tess)] internal static partial IntPtr TessBaseAPIGetDatapath(IntPtr handle);

    // Leptonica
    [LibraryImport(Lept)] internal static partial IntPtr pixReadMem(ref byte data, nuint size);

    [LibraryImport(Lept)] internal static partial IntPtr pixReadMemTiff(ref byte data, nuint size, int n);

    [LibraryImport(Lept)]
    internal static partial int pixReadHeaderMem(ref byte data, nuint size, out int format, out int width, out int height, out int bitsPerSample, out int samplesPerPixel, out int isColormapped);

    [LibraryImport(Lept, StringMarshalling = StringMarshalling.Utf8)] internal static partial IntPtr pixRead(string filename);

    [LibraryImport(Lept)] internal static partial void pixDestroy(ref IntPtr pix);

    /// <summary>Another reference to the same image (refcount + 1); each reference is released by its own pixDestroy.</summary>
    [LibraryImport(Lept)] internal static partial IntPtr pixClone(IntPtr pix);

    [LibraryImport(Lept)] internal static partial int pixGetWidth(IntPtr pix);

    [LibraryImport(Lept)] internal static partial int pixGetHeight(IntPtr pix);

    [LibraryImport(Lept)] internal static partial int pixGetDepth(IntPtr pix);

    [LibraryImport(Lept)] internal static partial int pixGetXRes(IntPtr pix);

    [LibraryImport(Lept)] internal static partial int pixSetResolution(IntPtr pix, int xres, int yres);

    [LibraryImport(Lept)] internal static partial IntPtr pixCreate(int width, int height, int depth);

    [LibraryImport(Lept)] internal static partial IntPtr pixGetData(IntPtr pix);

    [LibraryImport(Lept)] internal static partial int pixGetWpl(IntPtr pix);

    [LibraryImport(Lept)] internal static partial IntPtr pixRotateOrth(IntPtr pix, int quads);

    [LibraryImport(Lept)] internal static partial IntPtr pixDilateBrick(IntPtr pixd, IntPtr pixs, int hsize, int vsize);

    [LibraryImport(Lept)] internal static partial IntPtr pixAnd(IntPtr pixd, IntPtr pixs1, IntPtr pixs2);

    /// <summary>The components of <paramref name="pixm"/> that the seed touches, whole (binary reconstruction).</summary>
    [LibraryImport(Lept)] internal static partial IntPtr pixSeedfillBinary(IntPtr pixd, IntPtr pixs, IntPtr pixm, int connectivity);

    [LibraryImport(Lept)] internal static partial IntPtr pixXor(IntPtr pixd, IntPtr pixs1, IntPtr pixs2);

    [LibraryImport(Lept)] internal static partial IntPtr pixSubtract(IntPtr pixd, IntPtr pixs1, IntPtr pixs2);

    /// <summary>The connected components whose size passes the test (type 5: width or height, relation 4: ≥).</summary>
    [LibraryImport(Lept)] internal static partial IntPtr pixSelectBySize(IntPtr pix, int width, int height, int connectivity, int type, int relation, IntPtr changed);

    [LibraryImport(Lept)] internal static partial IntPtr pixConvertTo8(IntPtr pix, int colormapFlag);

    /// <summary>8-bit grey scaling with linear interpolation (smooth edges when scaling up).</summary>
    [LibraryImport(Lept)] internal static partial IntPtr pixScaleGrayLI(IntPtr pix, float scaleX, float scaleY);

    [LibraryImport(Lept)] internal static partial int pixWriteMemPnm(out IntPtr data, out nuint size, IntPtr pix);

    [LibraryImport(Lept)] internal static partial void lept_free(IntPtr ptr);

    [LibraryImport(Lept)] internal static partial int setMsgSeverity(int severity);
}
