"""The rate limit of busy endpoints: counted in the process, written once a second."""


def test_the_api_limit_counts_in_the_process_and_writes_once_a_second(monkeypatch):
    from engagementnetz.core import ratelimit

    clock = [5000.0]
    monkeypatch.setattr(ratelimit.time, "time", lambda: clock[0])
    writes = []
    original = ratelimit.cache.incr

    def counting_incr(key, delta=1):
        writes.append(delta)
        return original(key, delta)

    monkeypatch.setattr(ratelimit.cache, "incr", counting_incr)
    answers = [ratelimit.hit_often("api", "ip:1", limit=3, window_seconds=60) for _ in range(4)]
    assert answers == [True, True, True, False]
    assert writes == [1]  # the first request only; the rest waits for the next second
    clock[0] += 1
    assert ratelimit.hit_often("api", "ip:1", limit=3, window_seconds=60) is False
    assert writes == [1, 4]
    # Another process (the shared count) sees them all.
    digest = ratelimit.hashlib.sha256(b"api:ip:1").hexdigest()[:32]
    assert ratelimit.cache.get(f"ratelimit:api:{digest}") == 5
    clock[0] += 60  # a new window
    assert ratelimit.hit_often("api", "ip:1", limit=3, window_seconds=60) is True
