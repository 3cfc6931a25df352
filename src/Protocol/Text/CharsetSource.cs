namespace Crawler.Protocol.Text;

/// <summary>Where the text encoding of a body was found.</summary>
public enum CharsetSource
{
    ByteOrderMark,
    ContentType,
    /// <summary>A &lt;meta charset&gt; or &lt;meta http-equiv="content-type"&gt; in the first 1024 bytes.</summary>
    MetaPrescan,
    /// <summary>Nothing said anything: UTF-8.</summary>
    Default,
}
