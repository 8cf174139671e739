"""Entity extraction from customer messages, in English, Vietnamese and Portuguese."""

from __future__ import annotations

import pytest

from app.agent.offline.extract import extract


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Where is ORD-78342?", ("ORD-78342",)),
        ("where is ord-78342", ("ORD-78342",)),
        ("Order #W1234567 please", ("#W1234567",)),
        ("order W1234567", ("#W1234567",)),
        ("Đơn hàng ORD-66120 của tôi", ("ORD-66120",)),
        ("pedido ORD-66120 e ORD-30987", ("ORD-66120", "ORD-30987")),
        ("ORD-66120 or ORD-66120 again", ("ORD-66120",)),
        ("no order here, just 12345", ()),
    ],
)
def test_order_ids(text: str, expected: tuple[str, ...]) -> None:
    assert extract(text).order_ids == expected


@pytest.mark.parametrize(
    ("text", "skus", "item_ids"),
    [
        ("Is UHD-4K-55 in stock?", ("UHD-4K-55",), ()),
        ("specs of wep-2024", ("WEP-2024",), ()),
        ("swap HPN-700-BLK for HPN-700-SLV", ("HPN-700-BLK", "HPN-700-SLV"), ()),
        ("item 1234567890 to 0987654321", (), ("1234567890", "0987654321")),
        ("I need a USB-C cable", (), ()),  # no digit: a connector, not a SKU
        ("delivered on 2024-05-01", (), ()),  # a date, not a SKU
        ("order ORD-78342", (), ()),  # an order id is not a SKU
        ("Tôi muốn hỏi về UCC-2M", ("UCC-2M",), ()),
    ],
)
def test_skus_and_item_ids(text: str, skus: tuple[str, ...], item_ids: tuple[str, ...]) -> None:
    ent = extract(text)
    assert ent.skus == skus
    assert ent.item_ids == item_ids


def test_emails_are_found_and_lower_cased() -> None:
    assert extract("my email is Sarah.Johnson@Example.com.").emails == (
        "sarah.johnson@example.com",
    )


@pytest.mark.parametrize(
    ("text", "zip_code"),
    [
        ("Is UHD-4K-55 available near 60607?", "60607"),
        ("zip 46202-1234", "46202-1234"),
        ("CEP 01304-001", "01304-001"),
        ("mã bưu chính 100000", "100000"),
        ("where is ORD-78342", None),  # the order's digits are not a zip
        ("I need 3 units", None),
    ],
)
def test_zip_codes(text: str, zip_code: str | None) -> None:
    assert extract(text).zip_code == zip_code


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("I need 3 units of UHD-4K-55", 3),
        ("do you have 2x WEP-2024", 2),
        ("I want two of them", 2),
        ("preciso de 4 unidades", 4),
        ("quero três", 3),
        ("três", None),  # a number with no unit or cue is not a quantity
        ("tôi cần 5 cái", 5),
        ("toi can hai cai", 2),
        ("where is ORD-78342", None),
    ],
)
def test_quantities(text: str, quantity: int | None) -> None:
    assert extract(text).quantity == quantity


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("it arrived broken", "defective"),
        ("the screen is cracked", "damaged"),
        ("you sent the wrong item", "wrong_item"),
        ("I changed my mind", "no_longer_needed"),
        ("I ordered it by mistake", "ordered_by_mistake"),
        ("veio com defeito", "defective"),
        ("não preciso mais", "no_longer_needed"),
        ("comprei por engano", "ordered_by_mistake"),
        ("sản phẩm bị lỗi", "defective"),
        ("san pham bi loi", "defective"),
        ("tôi đặt nhầm", "ordered_by_mistake"),
        ("tôi không cần nữa", "no_longer_needed"),
        ("where is my order", None),
    ],
)
def test_reasons(text: str, reason: str | None) -> None:
    assert extract(text).reason == reason


@pytest.mark.parametrize(
    ("text", "source", "last_four", "method_id"),
    [
        ("use my gift card", "gift_card", None, None),
        ("pay with PayPal", "paypal", None, None),
        ("the visa ending in 4242", "credit_card", "4242", None),
        ("use gift_card_9821002", "gift_card", None, "gift_card_9821002"),
        ("pagar com cartão presente", "gift_card", None, None),
        ("thanh toán bằng thẻ quà tặng", "gift_card", None, None),
        ("the order", None, None, None),  # "the" folds like Vietnamese "thẻ"; not a card
    ],
)
def test_payment_hints(
    text: str, source: str | None, last_four: str | None, method_id: str | None
) -> None:
    hint = extract(text).payment
    assert (hint.source, hint.last_four, hint.method_id) == (source, last_four, method_id)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Please ship it to 12 Oak Ave, Apt 3, Springfield, IL 62704, USA",
            {
                "address1": "12 Oak Ave",
                "address2": "Apt 3",
                "city": "Springfield",
                "state": "IL",
                "zip": "62704",
                "country": "USA",
            },
        ),
        (
            "O novo endereço é Rua Augusta, 1508, Apto 72, São Paulo, SP 01304-001, Brasil",
            {
                "address1": "Rua Augusta, 1508",
                "address2": "Apto 72",
                "city": "São Paulo",
                "state": "SP",
                "zip": "01304-001",
                "country": "Brasil",
            },
        ),
        (
            "Địa chỉ mới: 12 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội 100000, Việt Nam",
            {
                "address1": "12 Lý Thường Kiệt",
                "address2": "",
                "city": "Hoàn Kiếm",
                "state": "Hà Nội",
                "zip": "100000",
                "country": "Việt Nam",
            },
        ),
        (
            # Chatter before the street is not part of it; the street starts at the cue.
            "I moved, please send it to 77 Lake St, Tacoma, WA 98402, USA",
            {
                "address1": "77 Lake St",
                "address2": "",
                "city": "Tacoma",
                "state": "WA",
                "zip": "98402",
                "country": "USA",
            },
        ),
        (
            "Mình chuyển nhà rồi, gửi tới 12 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội 100000",
            {
                "address1": "12 Lý Thường Kiệt",
                "address2": "",
                "city": "Hoàn Kiếm",
                "state": "Hà Nội",
                "zip": "100000",
                "country": "",
            },
        ),
        (
            "Oi, mudei de casa, Rua Augusta, 1508, São Paulo, SP 01304-001",
            {
                "address1": "Rua Augusta, 1508",
                "address2": "",
                "city": "São Paulo",
                "state": "SP",
                "zip": "01304-001",
                "country": "",
            },
        ),
        (
            # A cue word inside the street name ("La") does not cut it.
            "Please ship it to 12 La Salle St, Chicago, IL 60601",
            {
                "address1": "12 La Salle St",
                "address2": "",
                "city": "Chicago",
                "state": "IL",
                "zip": "60601",
                "country": "",
            },
        ),
        (
            "500 Main St, Springfield, IL, 62704",
            {
                "address1": "500 Main St",
                "address2": "",
                "city": "Springfield",
                "state": "IL",
                "zip": "62704",
                "country": "",
            },
        ),
    ],
)
def test_addresses(text: str, address: dict[str, str]) -> None:
    assert extract(text).address == address


@pytest.mark.parametrize(
    "text",
    [
        "change my address",
        "Springfield, 62704",
        "500 Main St, Springfield, 62704",
        # No house number anywhere: only chatter where the street should be.
        "I moved, please send it, Tacoma, WA 98402",
    ],
)
def test_incomplete_addresses_are_not_guessed(text: str) -> None:
    # No state given: the engine must ask rather than invent one.
    assert extract(text).address is None


@pytest.mark.parametrize(
    ("text", "yes", "no"),
    [
        ("yes please", True, False),
        ("sim", True, False),
        ("vâng", True, False),
        ("no thanks", False, True),
        ("não", False, True),
        ("không", False, True),
    ],
)
def test_yes_and_no(text: str, yes: bool, no: bool) -> None:
    ent = extract(text)
    assert (ent.yes, ent.no) == (yes, no)


def test_pickup_wish() -> None:
    assert extract("can you pick it up from my home?").pickup
    assert extract("quero coleta em casa").pickup
    assert not extract("I will drop it off").pickup
