"""The sidebar's header: brand, who is signed in, the model in use, sign out."""

from __future__ import annotations

import streamlit as st

from app.i18n import t
from app.ui import language, model_settings, session
from app.ui.components.text import escape_inline


def render_identity(identity: session.Identity | None) -> None:
    locale = language.current(identity)  # staff: English
    with st.sidebar:
        st.markdown("### :material/storefront: Storedesk")
        if identity is None:
            st.caption(t("sidebar.not_signed_in", locale))
        else:
            role = "Staff" if identity.is_staff else t("sidebar.customer", locale)
            st.markdown(
                f"**{escape_inline(identity.name)}**  \n:gray[{role}"
                + (f" · {escape_inline(identity.customer_id)}" if identity.customer_id else "")
                + "]"
            )
            st.button(
                t("sidebar.sign_out", locale),
                on_click=session.sign_out,
                key="sidebar_sign_out",
                icon=":material/logout:",
            )
        staff = identity is not None and identity.is_staff
        label = model_settings.provider_label(model_settings.for_identity(staff))
        if label == "offline engine":
            label = t("provider.offline", locale)
        st.caption(f"{t('sidebar.answers_by', locale)}: **{escape_inline(label)}**")
