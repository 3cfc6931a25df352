// ImplicitUsings brings System.Net.Http, whose HttpProtocolException would make ours ambiguous everywhere.
global using HttpProtocolException = Crawler.Protocol.Http1.HttpProtocolException;
