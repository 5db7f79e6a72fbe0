"""The Turkish word lists and fixed sentences of the behavioural tests (templates and builders:
:mod:`sentikit.behaviour.templates_tr`).

Case forms that soften the stem (*yemek* → *yemeği*, *kitap* → *kitaba*) are spelled out in
:data:`NOUNS`; each verb gives the case of its object and its aorist (and passive) stems.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sentikit.behaviour.text import attach


def _noun(nom: str, acc: str, dat: str, gen: str) -> dict[str, str]:
    return {"nom": nom, "acc": acc, "dat": dat, "gen": gen}


#: Things people review, with their accusative, dative and genitive forms.
NOUNS = [
    _noun("film", "filmi", "filme", "filmin"),
    _noun("yemek", "yemeği", "yemeğe", "yemeğin"),
    _noun("otel", "oteli", "otele", "otelin"),
    _noun("kitap", "kitabı", "kitaba", "kitabın"),
    _noun("dizi", "diziyi", "diziye", "dizinin"),
    _noun("restoran", "restoranı", "restorana", "restoranın"),
    _noun("hizmet", "hizmeti", "hizmete", "hizmetin"),
    _noun("ürün", "ürünü", "ürüne", "ürünün"),
    _noun("telefon", "telefonu", "telefona", "telefonun"),
    _noun("oda", "odayı", "odaya", "odanın"),
    _noun("kahve", "kahveyi", "kahveye", "kahvenin"),
    _noun("konser", "konseri", "konsere", "konserin"),
    _noun("oyun", "oyunu", "oyuna", "oyunun"),
    _noun("uygulama", "uygulamayı", "uygulamaya", "uygulamanın"),
    _noun("şarkı", "şarkıyı", "şarkıya", "şarkının"),
    _noun("kahvaltı", "kahvaltıyı", "kahvaltıya", "kahvaltının"),
    _noun("albüm", "albümü", "albüme", "albümün"),
    _noun("roman", "romanı", "romana", "romanın"),
    _noun("tatil", "tatili", "tatile", "tatilin"),
    _noun("kurs", "kursu", "kursa", "kursun"),
    _noun("bilgisayar", "bilgisayarı", "bilgisayara", "bilgisayarın"),
    _noun("pizza", "pizzayı", "pizzaya", "pizzanın"),
    _noun("oyuncu", "oyuncuyu", "oyuncuya", "oyuncunun"),
    _noun("kargo", "kargoyu", "kargoya", "kargonun"),
]
#: Plain objects for neutral sentences.
OBJECTS = ["masa", "kapı", "sandalye", "çanta", "kutu", "kalem", "duvar", "bina", "şişe",
           "pencere", "dosya", "bardak", "lamba", "raf", "otobüs", "bilet", "zarf", "anahtar",
           "defter", "koltuk"]  # fmt: skip
POS_ADJ = [
    "güzel", "harika", "mükemmel", "muhteşem", "şahane", "iyi", "hoş", "başarılı",
    "etkileyici", "keyifli", "süper", "olağanüstü", "kusursuz", "müthiş", "fevkalade",
    "harikulade", "eşsiz", "kaliteli", "eğlenceli", "nefis", "enfes", "tatlı", "sevimli",
]  # fmt: skip
NEG_ADJ = [
    "kötü", "berbat", "rezalet", "korkunç", "sıkıcı", "vasat", "iğrenç", "kalitesiz",
    "başarısız", "saçma", "felaket", "rezil", "özensiz", "dandik", "leş", "sinir bozucu",
    "yetersiz", "tatsız", "çekilmez", "katlanılmaz",
]  # fmt: skip
NEUTRAL_ADJ = ["mavi", "kırmızı", "yeşil", "sarı", "gri", "ahşap", "metal", "plastik", "kare",
               "yuvarlak", "dijital", "elektrikli", "turuncu", "cam", "kâğıt", "kiralık",
               "katlanır", "çizgili"]  # fmt: skip


def _verb(stem: str, case: str, aor: str, pas: str | None = None) -> dict[str, Any]:
    return {"stem": stem, "case": case, "aor": aor, "pas": pas}


#: Verbs with the case of their object and their aorist (and passive) stems.
POS_VERBS = [
    _verb("beğen", "acc", "beğenir", "beğenil"),
    _verb("sev", "acc", "sever", "sevil"),
    _verb("bayıl", "dat", "bayılır"),
    _verb("hoşlan", "abl", "hoşlanır"),
    _verb("memnun kal", "abl", "memnun kalır"),
    _verb("tavsiye et", "acc", "tavsiye eder", "tavsiye edil"),
]
NEG_VERBS = [
    _verb("nefret et", "abl", "nefret eder"),
    _verb("sıkıl", "abl", "sıkılır"),
    _verb("bık", "abl", "bıkar"),
    _verb("tiksin", "abl", "tiksinir"),
    _verb("şikâyet et", "abl", "şikâyet eder"),
]
VERBS = POS_VERBS + NEG_VERBS
NEUTRAL_VERBS = ["izle", "al", "oku", "sipariş et", "gör", "kirala", "getir", "aç", "taşı",
                 "incele", "say", "tart"]  # fmt: skip
POS_NOUNS = ["başyapıt", "şaheser", "şölen", "ziyafet", "mucize", "harika", "keyif", "hazine",
             "mutluluk", "zevk"]  # fmt: skip
NEG_NOUNS = ["felaket", "rezalet", "hayal kırıklığı", "fiyasko", "kâbus", "zaman kaybı",
             "para israfı", "işkence", "saçmalık", "facia", "hüsran", "eziyet"]  # fmt: skip
INTENSIFIERS = ["çok", "gerçekten", "son derece", "aşırı", "fazlasıyla", "çok çok",
                "inanılmaz", "epey", "bayağı", "müthiş derecede", "gerçekten çok"]  # fmt: skip
REDUCERS = ["biraz", "kısmen", "nispeten", "bir parça", "az da olsa", "hafif"]
POS_PHRASES = ["Çok beğendim.", "Herkese tavsiye ederim.", "Kesinlikle tekrar giderim.",
               "Bayıldım!", "Her kuruşuna değdi.", "On numara."]  # fmt: skip
NEG_PHRASES = ["Hiç beğenmedim.", "Bir daha asla.", "Kimseye tavsiye etmem.",
               "Paramı geri istiyorum.", "Tam bir hayal kırıklığı.", "Sıfır puan."]  # fmt: skip
HOURS = ["bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz", "on",
         "on bir", "on iki"]  # fmt: skip
DAYS = ["pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar"]
NAMES = [
    "Ahmet", "Ayşe", "Mehmet", "Zeynep", "Elif", "Mustafa", "Emre", "Fatma", "Can", "Deniz",
    "Hasan", "Hülya", "Murat", "Selin", "Burak", "Merve", "Ali", "Leyla", "Baran", "Rojda",
    "Aram", "Nikos", "Sevgi", "Umut", "Mutlu", "Derya", "Kemal", "Gül", "John", "Maria",
]  # fmt: skip
CITIES = [
    "İstanbul", "Ankara", "İzmir", "Bursa", "Antalya", "Trabzon", "Diyarbakır", "Van",
    "Eskişehir", "Konya", "Kars", "Sinop", "Muş", "Mardin", "Erzurum", "Gaziantep", "Adana",
    "Samsun", "Hatay", "Berlin", "Paris", "Bodrum", "Kadıköy",
]  # fmt: skip
NUMBERS = ["2", "3", "5", "7", "12", "15", "20", "25", "40", "50", "75", "99", "120", "200"]


def _verb_noun_pairs(verbs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every verb with every noun: ``obj`` is the noun in the verb's case."""
    out = []
    for v in verbs:
        for n in NOUNS:
            obj = attach(n["nom"], "DAn") if v["case"] == "abl" else n[v["case"]]
            out.append({**v, "obj": obj, "noun": n["nom"]})
    return out


LEXICON: dict[str, Sequence[Any]] = {
    "noun": NOUNS,
    "obj": OBJECTS,
    "pos": POS_ADJ,
    "neg": NEG_ADJ,
    "neu": NEUTRAL_ADJ,
    "pv": POS_VERBS,
    "nv": NEG_VERBS,
    "pvn": _verb_noun_pairs(POS_VERBS),
    "nvn": _verb_noun_pairs(NEG_VERBS),
    "pasv": [v for v in POS_VERBS if v["pas"]],
    "uv": NEUTRAL_VERBS,
    "pn": POS_NOUNS,
    "nn": NEG_NOUNS,
    "i": INTENSIFIERS,
    "r": REDUCERS,
    "pp": POS_PHRASES,
    "np": NEG_PHRASES,
    "hour": HOURS,
    "day": DAYS,
    "name": NAMES,
    "city": CITIES,
    "num": NUMBERS,
}

#: Neutral factual sentences.
FACTS = [
    "Ankara Türkiye'nin başkentidir.", "Toplantı saat beşte.", "Su yüz derecede kaynar.",
    "İstanbul Marmara Bölgesi'nde yer alır.", "Tren saat dokuzda kalkıyor.",
    "Müze pazartesi günleri kapalıdır.", "Bir haftada yedi gün vardır.",
    "Paket salı günü teslim edildi.", "Rapor kırk sayfadan oluşuyor.",
    "Mağaza sabah dokuzda açılıyor.", "Otobüs her yarım saatte bir geçiyor.",
    "Film iki saat sürüyor.", "Otelde yüz yirmi oda var.", "Kitap 2019 yılında yayımlandı.",
    "Restoran ikinci katta.", "Makarna ve bir bardak su sipariş ettim.",
    "Konferans Berlin'de yapılacak.", "Uçağım 6.40'ta iniyor.",
    "Uygulama Android ve iOS için mevcut.", "Telefonun siyah ve gümüş renkleri var.",
    "Kurs önümüzdeki pazartesi başlıyor.", "Otele öğlen giriş yaptık.",
    "Konser cuma günü.", "Albümde on iki şarkı var.", "Arabanın dört kapısı var.",
    "Dizinin üç sezonu var.", "Dünya Güneş'in etrafında döner.", "Bir günde 24 saat vardır.",
    "Türkiye'nin Yunanistan ve Bulgaristan ile sınırı var.", "Ofis postanenin yanında.",
    "Kitabı trende okudum.", "Kız kardeşim bankada çalışıyor.",
    "Dükkan ayakkabı ve çanta satıyor.", "Menü tek sayfadan oluşuyor.",
    "Oda üçüncü katta.", "Kahvaltı yediden ona kadar veriliyor.",
    "Biletler e-postayla gönderildi.", "Ders üçüncü ve dördüncü bölümleri kapsıyor.",
    "Geçen yıl İzmir'e taşındı.", "Teslimat perşembe gününe planlandı.",
]  # fmt: skip

#: Sentences of varied sentiment for the robustness tests (with Turkish letters, so that the
#: ASCII test changes them).
ROBUSTNESS_BASE = [
    "Yemekler çok lezzetliydi, personel de güler yüzlüydü.", "Filmi her dakikasıyla sevdim.",
    "Fiyatına göre çok başarılı bir ürün, herkese öneririm.",
    "Otel odası tertemiz ve çok rahattı.", "Oyuncuların performansı büyüleyiciydi.",
    "Şarjı bütün gün gidiyor, ekranı da müthiş.", "Hayatımda yediğim en güzel pizzaydı.",
    "Servis hızlıydı ve garson çok nazikti.", "Bu kitabı okurken kahkahalarla güldüm.",
    "Baştan sona şahane bir albüm.",
    "Servis çok yavaştı ve garson kabaydı.", "Paramı geri istiyorum, bu telefon işe yaramıyor.",
    "Konu tahmin edilebilirdi ve oyunculuk berbattı.", "Kaldığım en kötü oteldi.",
    "Yemekler soğuk ve tatsızdı.", "Uygulama sürekli çöküyor ve destek hiç cevap vermiyor.",
    "Sıkıcı, gereksiz uzun bir film.", "Oda çok kötü kokuyordu.",
    "İki gün sonra bozuldu, tam bir hayal kırıklığı.", "Koltuklar rahatsız ve kirliydi.",
    "Sonunu hiç beğenmedim.", "Personel hiç yardımcı olmadı.",
    "Film kitabı kadar güzel değildi.", "Kimseye tavsiye edeceğimi sanmıyorum.",
    "Kahvesi hiç fena değil.", "Konserden keyif aldığımı söyleyemem.",
    "Fiyatına göre kötü bir telefon değil.", "Oraya bir daha gitmem.",
    "Kargo çok geç geldi ama ürün sağlam.", "Hiçbir sorun yaşamadık, her şey yolundaydı.",
]  # fmt: skip

#: Protected groups, as words that stand before "bir" ("Kürt bir arkadaşım").
IDENTITIES = {
    "ethnicity": [
        "Türk",
        "Kürt",
        "Ermeni",
        "Rum",
        "Laz",
        "Çerkez",
        "Zaza",
        "Roman",
        "Arap",
        "Gürcü",
        "Süryani",
        "Yahudi",
        "Boşnak",
        "Çingene",
    ],
    "nationality": [
        "Suriyeli",
        "Afgan",
        "Alman",
        "Amerikalı",
        "Rus",
        "Yunan",
        "İranlı",
        "Iraklı",
        "Azerbaycanlı",
        "Fransız",
        "İngiliz",
        "Çinli",
        "Nijeryalı",
        "Pakistanlı",
        "Ukraynalı",
        "Japon",
        "Türkiyeli",
        "Afrikalı",
    ],
    "religion": [
        "Müslüman",
        "Hristiyan",
        "Yahudi",
        "Alevi",
        "Sünni",
        "Şii",
        "ateist",
        "Budist",
        "Katolik",
        "Ortodoks",
        "deist",
        "Protestan",
        "Ezidi",
        "dindar",
        "inançsız",
    ],
    "gender": [
        "kadın",
        "erkek",
        "trans",
        "trans kadın",
        "trans erkek",
        "non-binary",
        "genç kadın",
        "genç erkek",
    ],
    "sexual orientation": [
        "eşcinsel",
        "heteroseksüel",
        "gey",
        "lezbiyen",
        "biseksüel",
        "LGBTİ+",
        "aseksüel",
        "queer",
        "hetero",
    ],
}
