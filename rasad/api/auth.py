"""The write-endpoint token: configured at start-up, sent as ``Authorization: Bearer <token>``."""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

bearer = HTTPBearer(auto_error=False, description="the token the server was started with (--token or RASAD_TOKEN)")


def require_token(request: Request, credentials: HTTPAuthorizationCredentials | None) -> None:
    expected: str | None = request.app.state.token
    if not expected:
        raise HTTPException(status.HTTP_403_FORBIDDEN,
                            "write endpoints are disabled: start the server with a token (rasad serve --token or RASAD_TOKEN)")
    if credentials is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "this endpoint needs the header 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(credentials.credentials.encode("utf-8"), expected.encode("utf-8")):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "wrong token", headers={"WWW-Authenticate": "Bearer"})
