"""Sentences for the bench's generated product articles (setup, care, troubleshooting),
per language. A large store's help center is mostly such per-product articles; its
policy articles (returns, shipping, payments) are a minority with their own words."""

from __future__ import annotations

TOPICS: dict[str, list[str]] = {
    "en": ["Getting started", "Care and cleaning", "Troubleshooting", "Specifications",
           "Compatibility", "Accessories", "Battery and charging", "Sizing guide"],
    "vi": ["Bắt đầu sử dụng", "Vệ sinh và bảo quản", "Khắc phục sự cố", "Thông số kỹ thuật",
           "Tương thích", "Phụ kiện", "Pin và sạc", "Hướng dẫn chọn cỡ"],
    "pt": ["Primeiros passos", "Cuidados e limpeza", "Solução de problemas",
           "Especificações", "Compatibilidade", "Acessórios", "Bateria e carregamento",
           "Guia de tamanhos"],
}  # fmt: skip

SENTENCES: dict[str, list[str]] = {
    "en": [
        "Unpack the {p} and remove every protective film before first use.",
        "Hold the power button of the {p} for three seconds until the light blinks.",
        "Wipe the {p} with a soft, slightly damp cloth; never use solvents.",
        "If the {p} does not turn on, charge it for at least thirty minutes.",
        "The {p} works with most {k} accessories made by {b}.",
        "Store the {p} in a dry place away from direct sunlight.",
        "A full charge of the {p} takes about two hours with the supplied cable.",
        "Update the firmware of the {p} from the {b} companion app.",
        "Check the size chart: the {p} runs slightly small around the shoulders.",
        "Reset the {p} by pressing the pinhole button with a paper clip.",
        "The {p} is made of recycled materials and weighs less than its predecessor.",
        "Pair the {p} with your phone from the Bluetooth settings screen.",
    ],
    "vi": [
        "Mở hộp {p} và bóc lớp phim bảo vệ trước khi dùng lần đầu.",
        "Giữ nút nguồn của {p} trong ba giây cho đến khi đèn nhấp nháy.",
        "Lau {p} bằng khăn mềm hơi ẩm; không dùng dung môi.",
        "Nếu {p} không bật, hãy sạc ít nhất ba mươi phút.",
        "{p} tương thích với hầu hết phụ kiện {k} của {b}.",
        "Cất {p} ở nơi khô ráo, tránh ánh nắng trực tiếp.",
        "Sạc đầy {p} mất khoảng hai tiếng với cáp đi kèm.",
        "Cập nhật phần mềm cho {p} từ ứng dụng {b}.",
        "Xem bảng kích cỡ: {p} hơi nhỏ ở phần vai.",
        "Khởi động lại {p} bằng cách nhấn nút nhỏ bằng kẹp giấy.",
        "{p} được làm từ vật liệu tái chế và nhẹ hơn đời trước.",
        "Kết nối {p} với điện thoại trong phần cài đặt Bluetooth.",
    ],
    "pt": [
        "Desembale o {p} e retire toda a película protetora antes do primeiro uso.",
        "Segure o botão de energia do {p} por três segundos até a luz piscar.",
        "Limpe o {p} com um pano macio levemente úmido; nunca use solventes.",
        "Se o {p} não ligar, carregue-o por pelo menos trinta minutos.",
        "O {p} funciona com a maioria dos acessórios {k} da {b}.",
        "Guarde o {p} em local seco, longe da luz direta do sol.",
        "Uma carga completa do {p} leva cerca de duas horas com o cabo incluído.",
        "Atualize o firmware do {p} pelo aplicativo da {b}.",
        "Veja a tabela de medidas: o {p} veste um pouco justo nos ombros.",
        "Reinicie o {p} apertando o botão interno com um clipe de papel.",
        "O {p} é feito de materiais reciclados e pesa menos que o modelo anterior.",
        "Emparelhe o {p} com o celular na tela de configurações Bluetooth.",
    ],
}
