"""Diagnostics as an editor shows them: csharp-ls (a Roslyn language server; editors show the
diagnostics of analyzers, not of generators) opens tests/Mistakes with `csharp.analyzersEnabled`,
and every NdBindgen diagnostic is published once, on the user's line (marked `// expect NDBxxxx` in
Mistakes.cs), the module-wide NDB0005 and NDB0023 (PyModuleAnalyzer, at compilation end) included.

csharp-ls is a dotnet tool from NuGet, installed into .build/tools on first use (or set
NDBINDGEN_CSHARP_LS to one). It loads the project in its Debug configuration, so the generator is
built in Debug first: an editor loads the analyzer from the referenced project's output."""
import collections
import json
import os
import pathlib
import queue
import re
import subprocess
import threading
import time

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
PROJECT = REPO / "tests" / "Mistakes"
SOURCE = PROJECT / "Mistakes.cs"
TOOLS = REPO / ".build" / "tools"
CSHARP_LS_VERSION = "0.28.0"
SETTINGS = {"analyzersEnabled": True}   # csharp-ls runs no analyzers without it


def csharp_ls():
    configured = os.environ.get("NDBINDGEN_CSHARP_LS")
    if configured:
        return configured
    tool = TOOLS / "csharp-ls"
    if not tool.exists():
        result = subprocess.run(["dotnet", "tool", "install", "--tool-path", str(TOOLS), "csharp-ls",
                                 "--version", CSHARP_LS_VERSION], capture_output=True, text=True, timeout=600)
        if result.returncode != 0:
            pytest.skip(f"csharp-ls {CSHARP_LS_VERSION} could not be installed: {result.stderr[-500:]}")
    return str(tool)


class LanguageServer:
    """A minimal LSP client over stdio: Content-Length framed JSON-RPC."""

    def __init__(self, command, cwd):
        self.process = subprocess.Popen(command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        self.messages = queue.Queue()
        self.next_id = 1
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        stream = self.process.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                name, value = line.split(":", 1)
                headers[name.lower()] = value.strip()
            self.messages.put(json.loads(stream.read(int(headers["content-length"]))))

    def send(self, message):
        data = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.process.stdin.flush()

    def request(self, method, params):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.next_id

    def answer(self, message):
        """Answers what the server asks the client: its settings, and 'ok' to anything else."""
        if message["method"] == "workspace/configuration":
            result = [SETTINGS for _ in message["params"]["items"]]
        else:
            result = None
        self.send({"id": message["id"], "result": result})

    def wait_for(self, request_id, deadline):
        while time.monotonic() < deadline:
            try:
                message = self.messages.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                break
            if message is None:
                raise AssertionError("csharp-ls exited")
            if "method" in message and "id" in message:
                self.answer(message)
            elif message.get("id") == request_id:
                if "error" in message:
                    raise AssertionError(f"csharp-ls: {message['error']}")
                return message.get("result")
        raise AssertionError(f"csharp-ls did not answer request {request_id} in time")

    def close(self):
        try:
            self.wait_for(self.request("shutdown", None), time.monotonic() + 10)
            self.send({"method": "exit"})
            self.process.wait(timeout=10)
        except Exception:
            pass
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.reader.join(timeout=10)   # it ends at the end of the server's output
        self.process.stdin.close()
        self.process.stdout.close()


@pytest.fixture(scope="module")
def published():
    """(line, severity, code) of each diagnostic csharp-ls publishes for Mistakes.cs, counted; and each code's
    help links (codeDescription.href)."""
    # The analyzers and the runtime as the editor loads them (Debug builds): a runtime DLL left from an older
    # checkout would lack the attributes Mistakes.cs uses, and their diagnostics with them.
    for project in ["generator/NdBindgen.Generator", "runtime/NdBindgen.Runtime"]:
        build = subprocess.run(["dotnet", "build", str(REPO / project), "-c", "Debug", "--nologo", "-v", "q"],
                               capture_output=True, text=True, timeout=600, cwd=REPO)
        assert build.returncode == 0, build.stdout[-3000:]
    server = LanguageServer([csharp_ls()], cwd=PROJECT)
    try:
        uri = SOURCE.as_uri()
        server.wait_for(server.request("initialize", {
            "processId": os.getpid(), "rootUri": PROJECT.as_uri(),
            "capabilities": {"workspace": {"configuration": True},
                             "textDocument": {"diagnostic": {"dynamicRegistration": False}}},
            "initializationOptions": {"csharp": SETTINGS}}), time.monotonic() + 60)
        server.send({"method": "initialized", "params": {}})
        server.send({"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "csharp", "version": 1, "text": SOURCE.read_text()}}})
        # The project loads in the background: ask until the NdBindgen diagnostics are there and stay.
        deadline = time.monotonic() + 300
        previous = None
        while time.monotonic() < deadline:
            report = server.wait_for(server.request("textDocument/diagnostic", {"textDocument": {"uri": uri}}),
                                     deadline)
            items = [d for d in (report or {}).get("items", []) if str(d.get("code", "")).startswith("NDB")]
            found = collections.Counter(
                (d["range"]["start"]["line"] + 1, {1: "error", 2: "warning"}.get(d.get("severity")), d.get("code"))
                for d in items)
            if found and found == previous:
                links = collections.defaultdict(set)
                for d in items:
                    links[d["code"]].add((d.get("codeDescription") or {}).get("href"))
                return found, links
            previous = found
            time.sleep(2)
        raise AssertionError(f"no stable NdBindgen diagnostics from csharp-ls in time: {previous}")
    finally:
        server.close()


def expected():
    marks = set()
    for number, line in enumerate(SOURCE.read_text().splitlines(), start=1):
        m = re.search(r"// expect (NDB\d{4})", line)
        if m:
            marks.add((number, "warning" if m.group(1) in ("NDB0020", "NDB0035", "NDB0046") else "error", m.group(1)))
    return marks


def test_every_diagnostic_is_published_on_the_users_line_once(published):
    published, _ = published
    want = expected()
    assert {"NDB0005", "NDB0023"} <= {code for _, _, code in want}   # the compilation-end ones
    got = set(published)
    assert want <= got, f"missing: {sorted(want - got)}"
    assert got <= want, f"unexpected: {sorted(got - want)}"
    twice = sorted(d for d, n in published.items() if n > 1)
    assert not twice, f"published more than once: {twice}"


def test_each_help_link_opens_its_section_of_the_page_on_disk(published):
    _, links = published
    page = (REPO / "docs" / "diagnostics.md").as_uri()
    assert {code for _, _, code in expected()} <= set(links)
    for code, hrefs in links.items():
        assert hrefs == {f"{page}#{code.lower()}"}, (code, hrefs)
        heading = re.compile(rf"^#+ {code}\b", re.MULTILINE)
        assert heading.search((REPO / "docs" / "diagnostics.md").read_text()), code
