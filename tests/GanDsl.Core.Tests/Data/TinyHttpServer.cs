using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GanDsl.Core.Tests.Data;

/// <summary>What the test server answers for one path.</summary>
internal sealed record Reply(int Status, byte[] Body, int? SendOnly = null)
{
    public static Reply NotFound { get; } = new(404, Encoding.ASCII.GetBytes("not found"));
}

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 for download tests: one request per connection, answers from a
/// caller-supplied function. <see cref="Reply.SendOnly"/> announces the whole body but sends only that many
/// bytes before closing, like a dropped connection. It stops on dispose and at the latest after 60 seconds.
/// </summary>
internal sealed class TinyHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(60));
    private readonly Task _loop;

    public TinyHttpServer(Func<string, Reply> answer)
    {
        Answer = answer;
        _listener.Start();
        _stop.Token.Register(() => _listener.Stop());
        _loop = Task.Run(Loop);
    }

    public Func<string, Reply> Answer { get; set; }

    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";

    public ConcurrentQueue<string> Requests { get; } = new();

    private async Task Loop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            using (client) Serve(client);
        }
    }

    private void Serve(TcpClient client)
    {
        try
        {
            client.ReceiveTimeout = 5000;
            using var stream = client.GetStream();
            string path = ReadRequestPath(stream);
            Requests.Enqueue(path);
            var reply = Answer(path);
            string reason = reply.Status == 200 ? "OK" : reply.Status == 404 ? "Not Found" : "Error";
            string head = $"HTTP/1.1 {reply.Status} {reason}\r\nContent-Length: {reply.Body.Length}\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n";
            stream.Write(Encoding.ASCII.GetBytes(head));
            stream.Write(reply.Body, 0, reply.SendOnly ?? reply.Body.Length);
            stream.Flush();
        }
        catch (IOException)
        {
            // The client went away; the next connection is served as usual.
        }
    }

    private static string ReadRequestPath(NetworkStream stream)
    {
        var text = new StringBuilder();
        var one = new byte[1];
        while (text.Length < 8192 && !text.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (stream.Read(one, 0, 1) == 0) break;
            text.Append((char)one[0]);
        }
        string[] first = text.ToString().Split("\r\n")[0].Split(' ');
        return first.Length > 1 ? first[1] : "";
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); }
        catch (AggregateException) { }
        _stop.Dispose();
    }
}
