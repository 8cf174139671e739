"""The generated store's help center, per language: templates filled with the store's own
figures (return windows, shipping options and prices, carriers, countries). Language as
data: a language is one more entry of ARTICLES."""

from __future__ import annotations

# slug -> (category, title, tags, body template). Fields: {window} the most common return
# window in days, {windows} every window, {final_sale} a sentence when some products are
# final sale, {shipping} a markdown table of options, {carriers}, {countries}.
ARTICLES: dict[str, dict[str, tuple[str, str, list[str], str]]] = {
    "en": {
        "returns-and-refunds": (
            "returns",
            "Returns and refunds",
            ["return policy", "refund", "return window"],
            "You can return items from a delivered order within the product's return window: "
            "{window} days from delivery for most products ({windows} days, depending on the "
            "product). {final_sale}\n\n## How to return\n\nAsk the assistant in this chat, "
            "choose a reason and where the refund goes, and confirm. The refund goes to the "
            "original payment method or to a gift card.\n\n## Where the exact figure comes "
            "from\n\nEach product's page shows its own return window, and the assistant can "
            "read it for any item of your order; the product's window wins over this page.",
        ),
        "shipping-and-delivery": (
            "shipping",
            "Shipping options, costs and delivery",
            ["shipping cost", "delivery time", "carriers", "countries"],
            "We ship with {carriers} to {countries}.\n\n## Options and prices\n\n{shipping}\n\n"
            "Each product's page lists the options it ships with; those apply to your "
            "order.\n\n## Your order's estimate\n\nAsk the assistant about your order for the "
            "carrier, tracking and estimated delivery date.",
        ),
        "order-changes": (
            "orders",
            "Changing or cancelling an order",
            ["cancel order", "change address"],
            "While an order is pending you can change its address, payment method or items, "
            "or cancel it (no longer needed, or ordered by mistake). Once it is processed it "
            "can no longer be changed: return it after delivery instead.",
        ),
        "contact-us": (
            "contact",
            "Contacting a person",
            ["human", "agent", "opening hours"],
            "The assistant in this chat answers at any time and hands you over to a person "
            "from our team whenever you ask.",
        ),
    },
    "vi": {
        "returns-and-refunds": (
            "returns",
            "Chính sách đổi trả và hoàn tiền",
            ["chính sách đổi trả", "hoàn tiền"],
            "Bạn có thể trả lại sản phẩm của đơn hàng đã giao trong thời hạn đổi trả của sản "
            "phẩm: {window} ngày kể từ ngày giao với hầu hết sản phẩm ({windows} ngày, tùy sản "
            "phẩm). {final_sale}\n\n## Cách trả hàng\n\nHãy nhờ trợ lý trong khung chat, chọn "
            "lý do và nơi nhận tiền hoàn, rồi xác nhận. Tiền được hoàn về phương thức thanh "
            "toán ban đầu hoặc vào thẻ quà tặng.\n\n## Số liệu chính xác lấy từ đâu\n\nTrang "
            "của mỗi sản phẩm ghi thời hạn đổi trả riêng, và trợ lý có thể tra cứu cho từng "
            "sản phẩm trong đơn; thời hạn của sản phẩm được ưu tiên hơn trang này.",
        ),
        "shipping-and-delivery": (
            "shipping",
            "Giao hàng, phí vận chuyển và thời gian giao",
            ["phí giao hàng", "giao hàng bao lâu", "quốc tế"],
            "Chúng tôi giao hàng qua {carriers} đến {countries}.\n\n## Phương thức và phí"
            "\n\n{shipping}\n\nTrang của mỗi sản phẩm liệt kê phương thức giao hàng áp dụng."
            "\n\n## Ngày giao dự kiến\n\nHãy hỏi trợ lý về đơn hàng để biết hãng vận chuyển, mã "
            "vận đơn và ngày giao dự kiến.",
        ),
        "order-changes": (
            "orders",
            "Thay đổi hoặc hủy đơn hàng",
            ["hủy đơn", "đổi địa chỉ"],
            "Khi đơn còn chờ xử lý, bạn có thể đổi địa chỉ, phương thức thanh toán hoặc sản "
            "phẩm, hoặc hủy đơn (không còn cần, hoặc đặt nhầm). Khi đơn đã được xử lý thì "
            "không thể thay đổi: hãy trả hàng sau khi nhận.",
        ),
        "contact-us": (
            "contact",
            "Liên hệ nhân viên",
            ["gặp nhân viên", "giờ làm việc"],
            "Trợ lý trong khung chat trả lời bất cứ lúc nào và chuyển bạn sang nhân viên khi "
            "bạn yêu cầu.",
        ),
    },
    "pt": {
        "returns-and-refunds": (
            "returns",
            "Política de devolução e reembolso",
            ["política de devolução", "reembolso"],
            "Você pode devolver itens de um pedido entregue dentro do prazo de devolução do "
            "produto: {window} dias após a entrega para a maioria dos produtos ({windows} "
            "dias, conforme o produto). {final_sale}\n\n## Como devolver\n\nPeça ao assistente "
            "neste chat, escolha o motivo e para onde vai o reembolso, e confirme. O reembolso "
            "volta para a forma de pagamento original ou para um cartão-presente.\n\n## De onde "
            "vem o número exato\n\nA página de cada produto mostra o seu prazo de devolução, e "
            "o assistente pode consultá-lo para cada item do pedido; o prazo do produto vale "
            "mais que esta página.",
        ),
        "shipping-and-delivery": (
            "shipping",
            "Envio, frete e prazos de entrega",
            ["frete", "prazo de entrega", "países"],
            "Enviamos pela {carriers} para {countries}.\n\n## Opções e preços\n\n{shipping}\n\n"
            "A página de cada produto lista as opções de envio que valem para o seu pedido."
            "\n\n## A estimativa do seu pedido\n\nPergunte ao assistente sobre o seu pedido para "
            "ver a transportadora, o rastreamento e a data estimada.",
        ),
        "order-changes": (
            "orders",
            "Alterar ou cancelar um pedido",
            ["cancelar pedido", "mudar endereço"],
            "Enquanto o pedido está pendente, você pode mudar o endereço, a forma de pagamento "
            "ou os itens, ou cancelá-lo (não precisa mais, ou comprou por engano). Depois de "
            "processado, não pode mais ser alterado: devolva após a entrega.",
        ),
        "contact-us": (
            "contact",
            "Falar com uma pessoa",
            ["atendente", "horário de atendimento"],
            "O assistente deste chat responde a qualquer hora e transfere você para uma pessoa "
            "da nossa equipe quando você pedir.",
        ),
    },
}

WORDS: dict[str, dict[str, str]] = {
    "en": {"final_sale": "Some products are final sale and cannot be returned.",
           "option": "Option", "days": "Delivery time", "price": "Price", "free": "Free",
           "business_days": "{days} business days", "and": "and"},
    "vi": {"final_sale": "Một số sản phẩm không áp dụng đổi trả.",
           "option": "Phương thức", "days": "Thời gian giao", "price": "Phí", "free": "Miễn phí",
           "business_days": "{days} ngày làm việc", "and": "và"},
    "pt": {"final_sale": "Alguns produtos são de venda final e não podem ser devolvidos.",
           "option": "Opção", "days": "Prazo", "price": "Preço", "free": "Grátis",
           "business_days": "{days} dias úteis", "and": "e"},
}  # fmt: skip
