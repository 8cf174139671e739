"""Chat: sign-in for visitors, then the conversation with the support agent."""

from __future__ import annotations

from app.ui import session
from app.ui.components import sign_in

identity = session.current()
if identity is None:
    sign_in.render()
else:
    from app.ui.components import chat_view

    chat_view.render(identity)
