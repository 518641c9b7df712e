namespace DocIntel.Ingest.Ocr;

/// <summary>
/// Tesseract's PDF renderer: each recognised page image goes in with an invisible text layer, so a scan becomes
/// searchable in any PDF viewer. Pages must be added in order; <see cref="Complete"/> closes the file.
/// </summary>
public sealed class SearchablePdfWriter : IDisposable
{
    private IntPtr _renderer;
    private bool _completed;

    /// <summary>The file written: outputBase + ".pdf".</summary>
    public string Path { get; }

    public int Pages { get; private set; }

    public SearchablePdfWriter(string outputBase, string title, string? tessdataDirectory)
    {
        NativeSetup.EnsureLoaded();
        Path = outputBase + ".pdf";
        // The renderer needs pdf.ttf (the glyph-less font for the invisible layer), which Debian ships beside eng/vie.
        var dataDir = TessdataLocator.FolderWithPdfFont(tessdataDirectory);
        _renderer = TesseractNative.TessPDFRendererCreate(outputBase, dataDir, textOnly: false);
        if (_renderer == IntPtr.Zero || !TesseractNative.TessResultRendererBeginDocument(_renderer, title))
            throw new IOException($"cannot write the searchable PDF {Path}");
    }

    internal void Add(IntPtr api)
    {
        if (!TesseractNative.TessResultRendererAddImage(_renderer, api)) throw new IOException($"cannot add page {Pages + 1} to {Path}");
        Pages++;
    }

    public void Complete()
    {
        if (_completed) return;
        TesseractNative.TessResultRendererEndDocument(_renderer);
        _completed = true;
    }

    public void Dispose()
    {
        if (_renderer == IntPtr.Zero) return;
        TesseractNative.TessDeleteResultRenderer(_renderer);
        _renderer = IntPtr.Zero;
        if (!_completed)
        {
            try { File.Delete(Path); }
            catch (IOException) { }
        }
    }
}
