"""Write access by bearer token, a cap on request bodies, and security headers."""
from __future__ import annotations

import hmac
import json

from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

bearer = HTTPBearer(auto_error=False, description="The server's API token (HERALD_API_TOKEN or --token-file).")

# Pages may only load what this server serves. Plotly sets inline styles and adds a <style> element, hence
# 'unsafe-inline' for styles; scripts are never inline.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                           "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
                           "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def require_token(request: Request,
                  credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    """A dependency of write endpoints (so it runs before the body is validated): 403 when writes are disabled or
    the token is wrong, 401 when none is given."""
    expected: str | None = request.app.state.config.token
    if expected is None:
        raise HTTPException(status.HTTP_403_FORBIDDEN,
                            "writes are disabled on this server: start it with HERALD_API_TOKEN set or --token-file")
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "this endpoint needs 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(credentials.credentials.encode(), expected.encode()):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "the token is not valid")


class BodyTooLarge(HTTPException):
    """Raised while a streamed body is read; an HTTPException so FastAPI answers 413 (not 400) with it."""

    def __init__(self, max_bytes: int):
        super().__init__(status.HTTP_413_CONTENT_TOO_LARGE, f"request body larger than {max_bytes:,} bytes")


class BodyLimitMiddleware:
    """Refuse request bodies over `max_bytes` with 413, by Content-Length or while reading a streamed body."""

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            return await self._refuse(send)
        received = 0
        started = False

        async def limited_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def tracking_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send) -> None:
        body = json.dumps({"detail": f"request body larger than {self.max_bytes:,} bytes"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


class SecurityHeadersMiddleware:
    """nosniff, no framing, no referrer on every response; the content security policy on our HTML pages (the API
    docs pages of FastAPI start Swagger UI / ReDoc with an inline script, so they go without it)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                headers += [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
                            (b"referrer-policy", b"no-referrer")]
                if content_type.startswith(b"text/html") and scope["path"] not in ("/docs", "/redoc"):
                    headers.append((b"content-security-policy", CONTENT_SECURITY_POLICY.encode()))
                message = dict(message, headers=headers)
            await send(message)

        await self.app(scope, receive, with_headers)
