"""OParlClient against an injected ``httpx.MockTransport``: retries, lists, size limits, rate limit.

No network, no sleeping: every client here has ``backoff=0`` and the rate limiter is tested
with a fake clock (plus one lower-bound check on the real clock, which cannot be flaky).
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator

import httpx
import pytest

from rathaus.config import Settings
from rathaus.errors import ExtractionError, SourceError, SourceUnavailable
from rathaus.sources.oparl import client as client_module
from rathaus.sources.oparl.client import HTTPStatusError, OParlClient, RateLimiter

pytestmark = pytest.mark.unit

BASE = "https://ris.example.test/oparl"

Handler = Callable[[httpx.Request], httpx.Response]


def make_client(handler: Handler, **kwargs) -> OParlClient:
    kwargs.setdefault("retries", 3)
    kwargs.setdefault("backoff", 0.0)
    return OParlClient(httpx.Client(transport=httpx.MockTransport(handler)), **kwargs)


def json_response(obj, status: int = 200) -> httpx.Response:
    return httpx.Response(status, json=obj)


def page(items, next_url: str | None = None, total: int | None = None) -> dict:
    doc = {"data": items, "links": {}, "pagination": {"totalElements": len(items) if total is None else total}}
    if next_url:
        doc["links"]["next"] = next_url
    return doc


def items_of(client: OParlClient, url: str, params=None) -> list:
    return [item for p in client.iter_list(url, params) for item in p.items]


# -- retries -------------------------------------------------------------------------------

def test_retries_503_then_succeeds():
    calls = Counter()

    def handler(request: httpx.Request) -> httpx.Response:
        calls[str(request.url)] += 1
        if calls[str(request.url)] <= 2:
            return json_response({"error": "busy"}, 503)
        return json_response({"id": BASE, "type": "https://schema.oparl.org/1.1/System"})

    client = make_client(handler)
    assert client.get_json(BASE)["id"] == BASE
    assert calls[BASE] == 3
    assert client.retried == 2
    assert client.requests == 3


def test_retries_429_and_timeouts_too():
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(1)
        if len(seen) == 1:
            return json_response({}, 429)
        if len(seen) == 2:
            raise httpx.ReadTimeout("slow", request=request)
        if len(seen) == 3:
            raise httpx.RemoteProtocolError("peer closed connection", request=request)
        return json_response({"ok": True})

    client = make_client(handler, retries=5)
    assert client.get_json(BASE) == {"ok": True}
    assert len(seen) == 4
    assert client.retried == 3


def test_gives_up_with_source_unavailable_after_retries():
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        return json_response({"error": "down"}, 503)

    client = make_client(handler, retries=2)
    with pytest.raises(SourceUnavailable) as info:
        client.get_json(BASE)
    assert len(calls) == 3  # the first try and two retries
    assert isinstance(info.value.__cause__, HTTPStatusError)
    assert info.value.__cause__.status == 503


def test_unreachable_host_gives_up_early_with_source_unavailable():
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        raise httpx.ConnectError("connection refused", request=request)

    client = make_client(handler, retries=8)
    with pytest.raises(SourceUnavailable):
        client.get_json(BASE)
    assert len(calls) == 3  # a refused connection does not get all eight retries


def test_client_errors_are_not_retried():
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return json_response({"error": "forbidden"}, 403)

    client = make_client(handler)
    with pytest.raises(HTTPStatusError) as info:
        client.get_json(BASE)
    assert info.value.status == 403
    assert len(calls) == 1


def test_cut_off_json_is_retried():
    full = json.dumps(page([{"id": f"{BASE}/paper/1"}])).encode()
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        body = full[: len(full) // 2] if len(calls) == 1 else full
        return httpx.Response(200, headers={"content-type": "application/json"}, content=body)

    client = make_client(handler)
    assert client.get_json(BASE)["data"][0]["id"] == f"{BASE}/paper/1"
    assert len(calls) == 2
    assert client.retried == 1


def test_json_that_stays_broken_raises_source_error():
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(200, headers={"content-type": "application/json"}, content=b'{"data": [{"id"')

    client = make_client(handler, retries=2)
    with pytest.raises(SourceError, match="valid JSON") as info:
        client.get_json(BASE)
    assert not isinstance(info.value, SourceUnavailable)
    assert len(calls) == 3


# -- lists ---------------------------------------------------------------------------------

def test_404_on_first_page_of_a_list_is_an_empty_list():
    def handler(request: httpx.Request) -> httpx.Response:
        return json_response({"error": "no objects"}, 404)

    client = make_client(handler)
    assert list(client.iter_list(f"{BASE}/body/1/person")) == []


def test_404_on_a_later_page_is_an_error():
    first = f"{BASE}/body/1/paper"

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.params.get("page") == "2":
            return json_response({"error": "gone"}, 404)
        return json_response(page([{"id": f"{BASE}/paper/1"}], f"{first}?page=2"))

    client = make_client(handler)
    with pytest.raises(HTTPStatusError) as info:
        items_of(client, first)
    assert info.value.status == 404


def test_follows_links_next_and_ignores_total_elements():
    first = f"{BASE}/body/1/paper"
    pages = {  # totalElements is wrong on every page: too small, then too large
        "1": page([{"id": f"{BASE}/paper/{i}"} for i in (1, 2)], f"{first}?page=2", total=2),
        "2": page([{"id": f"{BASE}/paper/{i}"} for i in (3, 4)], f"{first}?page=3", total=1),
        "3": page([{"id": f"{BASE}/paper/5"}], None, total=500),
    }
    requested = []

    def handler(request: httpx.Request) -> httpx.Response:
        number = request.url.params.get("page", "1")
        requested.append(number)
        return json_response(pages[number])

    client = make_client(handler)
    got = list(client.iter_list(first))
    assert [p.url for p in got] == [first, f"{first}?page=2", f"{first}?page=3"]
    assert [i["id"] for p in got for i in p.items] == [f"{BASE}/paper/{i}" for i in range(1, 6)]
    assert got[-1].next_url is None
    assert requested == ["1", "2", "3"]


def test_params_go_to_the_first_page_only_and_next_links_carry_their_own():
    first = f"{BASE}/body/1/paper"
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(dict(request.url.params))
        if "page" not in request.url.params:
            return json_response(page([{"id": "a"}], f"{first}?page=2&modified_since=X"))
        return json_response(page([{"id": "b"}]))

    client = make_client(handler, page_limit=25)
    assert [i["id"] for i in items_of(client, first, {"modified_since": "X"})] == ["a", "b"]
    assert seen == [{"modified_since": "X", "limit": "25"}, {"page": "2", "modified_since": "X"}]


def test_params_keep_the_query_of_a_list_url():
    # SessionNet/ALLRIS lists live at URLs like papers.asp?body=2387; the params must be added
    first = f"{BASE}/papers.asp?body=2387"
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(dict(request.url.params))
        return json_response(page([{"id": "a"}]))

    client = make_client(handler, page_limit=10)
    items_of(client, first, {"modified_since": "2025-01-01T00:00:00+01:00"})
    items_of(client, first)
    assert seen == [{"body": "2387", "modified_since": "2025-01-01T00:00:00+01:00", "limit": "10"},
                    {"body": "2387", "limit": "10"}]


def test_a_list_can_start_at_a_later_page():
    # resuming a list starts at the checkpointed next link, which carries the page in its query
    first = f"{BASE}/body/1/paper"
    requested = []

    def handler(request: httpx.Request) -> httpx.Response:
        number = request.url.params.get("page", "1")
        requested.append(number)
        return json_response(page([{"id": number}], f"{first}?page=3" if number == "2" else None))

    client = make_client(handler, page_limit=50)
    assert [i["id"] for i in items_of(client, f"{first}?page=2")] == ["2", "3"]
    assert requested == ["2", "3"]


def test_next_link_pointing_to_itself_stops():
    first = f"{BASE}/body/1/paper"
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        return json_response(page([{"id": f"{BASE}/paper/1"}], first))

    client = make_client(handler)
    got = list(client.iter_list(first))
    assert len(got) == 1
    assert got[0].next_url is None
    assert calls == [first]


def test_next_links_in_a_cycle_stop():
    first = f"{BASE}/body/1/paper"
    second = f"{first}?page=2"
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        if str(request.url) == second:
            return json_response(page([{"id": "b"}], first))
        return json_response(page([{"id": "a"}], second))

    client = make_client(handler)
    assert [i["id"] for i in items_of(client, first)] == ["a", "b"]
    assert calls == [first, second]


def test_a_page_that_is_not_a_list_is_a_source_error():
    def handler(request: httpx.Request) -> httpx.Response:
        return json_response({"id": BASE, "type": "https://schema.oparl.org/1.1/System"})

    client = make_client(handler)
    with pytest.raises(SourceError, match="not an OParl list"):
        items_of(client, f"{BASE}/body/1/paper")


# -- files ---------------------------------------------------------------------------------

def test_get_file_returns_bytes_and_content_type():
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/plain; charset=utf-8"}, content="Grüße".encode())

    client = make_client(handler, max_file_bytes=100)
    data, ctype = client.get_file(f"{BASE}/file/1")
    assert data.decode() == "Grüße"
    assert ctype.startswith("text/plain")


def test_get_file_refuses_a_declared_content_length_over_the_limit():
    read = []

    def body() -> Iterator[bytes]:
        read.append(1)
        yield b"x" * 5000

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "application/pdf", "content-length": "5000"},
                              content=body())

    client = make_client(handler, max_file_bytes=1000)
    with pytest.raises(ExtractionError, match="5000 bytes"):
        client.get_file(f"{BASE}/file/big.pdf")
    assert read == []  # refused on the header, before reading the body


def test_get_file_refuses_a_streamed_body_over_the_limit():
    produced = []

    def body() -> Iterator[bytes]:  # no content-length: the size is only known while reading
        for _ in range(100):
            produced.append(1)
            yield b"y" * 300

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "application/pdf"}, content=body())

    client = make_client(handler, max_file_bytes=1000)
    with pytest.raises(ExtractionError, match="exceeds the limit"):
        client.get_file(f"{BASE}/file/streamed.pdf")
    assert len(produced) < 100  # stopped reading soon after the limit


def test_get_file_accepts_a_body_exactly_at_the_limit():
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/plain"}, content=b"z" * 1000)

    client = make_client(handler, max_file_bytes=1000)
    assert len(client.get_file(f"{BASE}/file/1")[0]) == 1000


# -- rate limit ----------------------------------------------------------------------------

class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def fake_clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    clock = FakeClock()
    monkeypatch.setattr(client_module, "time", clock)  # the limiter reads the clock through this module
    return clock


def test_rate_limiter_spaces_request_starts(fake_clock: FakeClock):
    limiter = RateLimiter(4.0)  # one start every 0.25 s
    starts = []
    for _ in range(5):
        limiter.wait()
        starts.append(fake_clock.now)
    assert [round(b - a, 6) for a, b in zip(starts, starts[1:], strict=False)] == [0.25] * 4
    assert len(fake_clock.sleeps) == 4


def test_rate_limiter_does_not_wait_after_an_idle_pause(fake_clock: FakeClock):
    limiter = RateLimiter(2.0)
    limiter.wait()
    fake_clock.now += 10  # idle for longer than the interval
    limiter.wait()
    assert fake_clock.sleeps == []


def test_rate_limit_zero_means_no_limit(fake_clock: FakeClock):
    limiter = RateLimiter(0)
    for _ in range(50):
        limiter.wait()
    assert fake_clock.sleeps == []


def test_rate_limiter_holds_across_threads_on_the_real_clock():
    limiter = RateLimiter(50.0)  # 0.02 s apart: 8 starts need at least 0.14 s
    starts: list[float] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(2):
            limiter.wait()
            with lock:
                starts.append(time.monotonic())

    threads = [threading.Thread(target=worker) for _ in range(4)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(starts) == 8
    assert max(starts) - began >= 7 * 0.02 - 1e-3  # a lower bound only: sleeping never ends early


def test_client_asks_the_limiter_before_every_request():
    class CountingLimiter:
        calls = 0

        def wait(self) -> None:
            self.calls += 1

    calls = Counter()

    def handler(request: httpx.Request) -> httpx.Response:
        calls[str(request.url)] += 1
        if calls[str(request.url)] == 1:
            return json_response({}, 503)
        return json_response({"ok": True})

    client = make_client(handler)
    client.limiter = CountingLimiter()
    client.get_json(f"{BASE}/a")
    client.get_json(f"{BASE}/b")
    assert client.limiter.calls == 4  # retries wait their turn too


def test_from_settings_takes_the_oparl_settings(tmp_path):
    settings = Settings(data_dir=tmp_path, oparl_retries=2, oparl_backoff=0.0, oparl_rate_limit=5,
                        oparl_concurrency=3, max_file_bytes=1234, oparl_page_limit=7)
    transport_client = httpx.Client(transport=httpx.MockTransport(lambda r: json_response({})))
    client = OParlClient.from_settings(settings, transport_client)
    assert client.http is transport_client
    assert (client.retries, client.backoff, client.concurrency, client.max_file_bytes, client.page_limit) == (
        2, 0.0, 3, 1234, 7)
    assert client.limiter.interval == pytest.approx(0.2)
