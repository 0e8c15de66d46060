"""A small local web server that gzips responses, as GitHub Pages does (for Lighthouse runs)."""
import gzip, http.server, functools, sys, io
class H(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a): pass
    def send_head(self):
        path = self.translate_path(self.path)
        import os
        if os.path.isdir(path): path = os.path.join(path, "index.html")
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not os.path.isfile(path):
            return super().send_head()
        data = gzip.compress(open(path, "rb").read(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)
if __name__ == "__main__":  # python3 bench/gzserve.py <map> <poort>
    http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[2])),
                                    functools.partial(H, directory=sys.argv[1])).serve_forever()
