using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Crawler.TestSupport.Loopback;

/// <summary>Kestrel serving a folder as a static site (index.html for directories), logging every request path.</summary>
public static class KestrelSiteServer
{
    /// <summary>Serves <paramref name="folder"/>; <see cref="KestrelServer.RequestPaths"/> is the thread-safe request log.</summary>
    public static Task<KestrelServer> ServeFolderAsync(string folder, bool compression = true)
    {
        var root = Path.GetFullPath(folder);
        return KestrelServer.StartAsync(
            app =>
            {
                var files = new PhysicalFileProvider(root);
                app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
                app.UseStaticFiles(new StaticFileOptions
                {
                    FileProvider = files,
                    ServeUnknownFileTypes = true,
                    ContentTypeProvider = new FileExtensionContentTypeProvider(),
                });
            },
            compression);
    }
}
