"""Walk the project's URL configuration: every pattern, with its full name."""

from django.urls import URLPattern, URLResolver, get_resolver


def url_patterns() -> list[tuple[str, str]]:
    """(full name, full route) of every URL pattern, in the order Django tries them."""
    found: list[tuple[str, str]] = []

    def walk(patterns, prefix: str, namespace: str) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                inner = namespace
                if entry.namespace:
                    inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                walk(entry.url_patterns, prefix + str(entry.pattern), inner)
            elif isinstance(entry, URLPattern):
                name = entry.name or f"<unnamed {entry.lookup_str}>"
                full = f"{namespace}:{name}" if namespace else name
                found.append((full, prefix + str(entry.pattern)))

    walk(get_resolver().url_patterns, "", "")
    return found
