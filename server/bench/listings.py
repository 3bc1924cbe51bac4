"""The benchmarks' listings: 400 generated ones (so the first feed page is a full 100 items) and
one open in-app listing, `bench-listing`, for the application POSTs. Writes one RPDE page.
Usage: python3 server/bench/listings.py OUT.json"""
import json
import sys


def listing(i, qs):
    return {"id": i, "title": f"Benchmark listing {i}", "organisation": {"name": "Bench Org", "id": "https://bench.example.org"},
            "summary": "A listing for the load test.", "description": "Text.\n\nMore text about the opportunity " * 8,
            "kind": "advisory-group", "topics": ["testing"], "attendance": {"mode": "online"},
            "timeCommitment": "1 hour", "payment": {"type": "none"}, "eligibility": {"who": "Anyone"},
            "impact": "None: it is a test.", "support": "None.",
            "howToApply": {"type": "in-app", "questions": qs},
            "lastUpdated": "2026-01-01T00:00:00Z", "status": "open"}


items = [{"state": "updated", "kind": "Opportunity", "id": f"bench-{n:03}", "modified": n + 1,
          "data": listing(f"bench-{n:03}", [])} for n in range(400)]
items.append({"state": "updated", "kind": "Opportunity", "id": "bench-listing", "modified": 1000,
              "data": listing("bench-listing", [{"id": "why", "label": "Why?", "type": "long-text", "required": True}])})
json.dump({"items": items, "next": "bench-page.json"}, open(sys.argv[1], "w"))
