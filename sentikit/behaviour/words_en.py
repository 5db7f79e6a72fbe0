"""The English word lists and fixed sentences of the behavioural tests (templates and builders:
:mod:`sentikit.behaviour.templates_en`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

#: Things people review.
NOUNS = [
    "food", "movie", "film", "book", "hotel", "room", "service", "flight", "restaurant",
    "show", "song", "album", "phone", "app", "product", "meal", "coffee", "game", "concert",
    "camera", "laptop", "pizza", "series", "trip", "tour", "car", "play", "course", "class",
    "seat", "hostel", "staff", "breakfast", "novel", "episode", "delivery",
]  # fmt: skip
#: Plain objects for neutral sentences.
OBJECTS = [
    "table", "door", "chair", "bag", "box", "pen", "wall", "building", "bottle", "window",
    "folder", "cup", "lamp", "shelf", "bus", "ticket", "envelope", "key", "notebook", "sofa",
]  # fmt: skip
POS_ADJ = [
    "good", "great", "excellent", "amazing", "wonderful", "fantastic", "brilliant", "superb",
    "lovely", "delightful", "outstanding", "perfect", "enjoyable", "impressive", "pleasant",
    "beautiful", "nice", "terrific", "awesome", "incredible", "marvelous", "exceptional",
    "charming", "fabulous", "splendid", "magnificent", "stunning", "flawless", "fun",
]  # fmt: skip
NEG_ADJ = [
    "bad", "terrible", "awful", "horrible", "poor", "boring", "disappointing", "dreadful",
    "mediocre", "lousy", "unpleasant", "ugly", "annoying", "pathetic", "dull", "weak",
    "atrocious", "frustrating", "abysmal", "disgusting", "miserable", "sloppy", "useless",
    "awkward", "tedious", "horrendous", "crappy", "lame", "unbearable",
]  # fmt: skip
NEUTRAL_ADJ = [
    "blue", "red", "green", "yellow", "grey", "wooden", "metal", "plastic", "square", "round",
    "rectangular", "digital", "electric", "rented", "folded", "striped", "glass", "paper",
]  # fmt: skip
#: Neutral predicates that only follow the verb.
NEUTRAL_PRED = ["on the left", "made of glass", "in the kitchen", "next to the door",
                "on the table", "in the car", "three metres long", "closed on Sundays"]  # fmt: skip
POS_VERBS = [
    {"pres": "love", "past": "loved"},
    {"pres": "like", "past": "liked"},
    {"pres": "enjoy", "past": "enjoyed"},
    {"pres": "adore", "past": "adored"},
    {"pres": "recommend", "past": "recommended"},
    {"pres": "appreciate", "past": "appreciated"},
    {"pres": "admire", "past": "admired"},
    {"pres": "value", "past": "valued"},
]
NEG_VERBS = [
    {"pres": "hate", "past": "hated"},
    {"pres": "dislike", "past": "disliked"},
    {"pres": "despise", "past": "despised"},
    {"pres": "detest", "past": "detested"},
    {"pres": "loathe", "past": "loathed"},
    {"pres": "regret buying", "past": "regretted buying"},
    {"pres": "abhor", "past": "abhorred"},
]
NEUTRAL_VERBS = [
    "saw", "bought", "ordered", "got", "booked", "received", "checked", "chose", "picked",
    "described", "photographed", "mentioned", "compared", "returned",
]  # fmt: skip
POS_NOUNS = [
    "a masterpiece", "a delight", "a joy", "a triumph", "a pleasure", "a gem", "a success",
    "a treat", "a winner", "a highlight", "a dream", "a blessing", "a real pleasure",
]  # fmt: skip
NEG_NOUNS = [
    "a disaster", "a mess", "a nightmare", "a failure", "a disappointment", "a waste of money",
    "a waste of time", "a joke", "a rip-off", "a letdown", "a catastrophe", "a fiasco",
]  # fmt: skip
INTENSIFIERS = [
    "very", "really", "extremely", "incredibly", "truly", "so", "super", "exceptionally",
    "remarkably", "particularly", "insanely", "seriously",
]  # fmt: skip
REDUCERS = ["somewhat", "slightly", "a bit", "a little", "fairly", "kind of", "sort of",
            "moderately", "mildly", "a little bit"]  # fmt: skip
POS_PHRASES = ["I really enjoyed it.", "Highly recommended!", "I would go again.",
               "Loved it.", "It made my day.", "Ten out of ten.", "Worth every penny."]  # fmt: skip
NEG_PHRASES = ["I really hated it.", "Never again.", "Avoid it.", "What a waste.",
               "I want my money back.", "Zero stars.", "It ruined my day."]  # fmt: skip
TIMES = ["5 pm", "9 am", "noon", "half past three", "10:30", "7 o'clock", "midnight",
         "quarter to eight", "2 pm", "8:15"]  # fmt: skip
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
CAPITALS = [
    ("Paris", "France"), ("Ankara", "Turkey"), ("Berlin", "Germany"), ("Madrid", "Spain"),
    ("Rome", "Italy"), ("Tokyo", "Japan"), ("Cairo", "Egypt"), ("Ottawa", "Canada"),
    ("Lisbon", "Portugal"), ("Nairobi", "Kenya"), ("Lima", "Peru"), ("Oslo", "Norway"),
    ("Athens", "Greece"), ("Hanoi", "Vietnam"), ("Canberra", "Australia"),
]  # fmt: skip
NAMES = [
    "John", "Mary", "Mohammed", "Aisha", "Wei", "Priya", "José", "Olga", "Kwame", "Yuki",
    "Ahmet", "Elena", "David", "Fatima", "Carlos", "Emily", "Hiroshi", "Chen", "Grace",
    "Joy", "Dmitri", "Lakisha", "Jamal", "Sven", "Ana", "Rahul", "Sarah", "Mustafa", "Nia",
]  # fmt: skip
CITIES = [
    "London", "Paris", "Istanbul", "Chicago", "Tokyo", "Lagos", "Mumbai", "Berlin", "Madrid",
    "Cairo", "Sydney", "Toronto", "Mexico City", "Rome", "Seoul", "Nairobi", "Tehran",
    "Baghdad", "Kabul", "Detroit", "Lyon", "Krakow", "Dhaka", "Belfast",
]  # fmt: skip
NUMBERS = ["2", "3", "5", "7", "12", "15", "20", "25", "40", "50", "75", "99", "120", "200"]

LEXICON: dict[str, Sequence[Any]] = {
    "noun": NOUNS,
    "obj": OBJECTS,
    "pos": POS_ADJ,
    "neg": NEG_ADJ,
    "neu": NEUTRAL_ADJ,
    "neup": NEUTRAL_PRED,
    "pv": POS_VERBS,
    "nv": NEG_VERBS,
    "uv": NEUTRAL_VERBS,
    "pn": POS_NOUNS,
    "nn": NEG_NOUNS,
    "i": INTENSIFIERS,
    "r": REDUCERS,
    "pp": POS_PHRASES,
    "np": NEG_PHRASES,
    "time": TIMES,
    "day": DAYS,
    "cap": CAPITALS,
    "name": NAMES,
    "city": CITIES,
    "num": NUMBERS,
}

#: Neutral factual sentences.
FACTS = [
    "Paris is the capital of France.", "The meeting is at 5 pm.", "Water boils at 100 degrees.",
    "The train leaves from platform 4.", "The museum is closed on Mondays.",
    "A week has seven days.", "The package arrived on Tuesday.", "The report has 40 pages.",
    "The store opens at 9 am.", "The bus stops at the corner of Main Street.",
    "The film is two hours long.", "The hotel has 120 rooms.", "The book was published in 2019.",
    "The restaurant is on the second floor.", "I ordered the pasta and a glass of water.",
    "The conference takes place in Berlin.", "My flight lands at 6:40.",
    "The app is available for Android and iOS.", "The phone comes in black and silver.",
    "The course starts next Monday.", "We checked in at noon.", "The concert is on Friday.",
    "The album has twelve songs.", "The car has four doors.", "The series has three seasons.",
    "The Earth orbits the Sun.", "There are 24 hours in a day.", "The Nile flows into the sea.",
    "Turkey borders Greece and Bulgaria.", "The office is next to the post office.",
    "I read the book on the train.", "She works at a bank.", "The shop sells shoes and bags.",
    "The menu is printed on one page.", "The room is on the third floor.",
    "Breakfast is served from 7 to 10.", "The tickets were sent by email.",
    "The lecture covers chapters 3 and 4.", "He moved to Chicago last year.",
    "The delivery was scheduled for Thursday.",
]  # fmt: skip

#: Sentences of varied sentiment for the robustness tests (and template samples added to them).
ROBUSTNESS_BASE = [
    "The food was delicious and the staff were very friendly.",
    "I loved every minute of this film.", "Great value for money, highly recommended!",
    "The hotel room was clean and comfortable.", "What a wonderful performance by the whole cast.",
    "The battery lasts all day and the screen is gorgeous.", "Best pizza I have ever had.",
    "The service was quick and the waiter was very kind.", "This book made me laugh out loud.",
    "An absolutely beautiful album from start to finish.",
    "The service was slow and the waiter was rude.", "I want my money back, this phone is useless.",
    "The plot was predictable and the acting was terrible.", "Worst hotel I have ever stayed in.",
    "The food was cold and tasteless.", "The app keeps crashing and support never answers.",
    "A boring, overlong film with no redeeming features.", "The room smelled awful.",
    "It broke after two days, very disappointing.", "The seats were uncomfortable and dirty.",
    "I did not like the ending at all.", "The staff was not helpful.",
    "The movie wasn't as good as the book.", "I don't think I would recommend it.",
    "The coffee is not bad at all.", "I can't say I enjoyed the concert.",
    "It is not a bad phone for the price.", "I would not go back there.",
]  # fmt: skip

#: Protected groups (noun phrases) for the fairness tests.
IDENTITIES = {
    "ethnicity": [
        "white person",
        "black person",
        "Asian person",
        "Hispanic person",
        "Latino person",
        "Arab person",
        "Native American person",
        "Indigenous person",
        "Roma person",
        "Kurdish person",
        "mixed-race person",
        "Pacific Islander",
        "African American person",
    ],
    "nationality": [
        "Mexican",
        "Turkish person",
        "American",
        "Chinese person",
        "Indian person",
        "Nigerian",
        "Syrian",
        "Armenian",
        "Greek person",
        "German",
        "Russian",
        "Iranian",
        "Pakistani",
        "Afghan",
        "Brazilian",
        "Jamaican",
        "Somali",
        "Ukrainian",
        "Filipino",
        "Israeli",
        "Palestinian",
        "Irish person",
        "Japanese person",
    ],
    "religion": [
        "Muslim",
        "Christian",
        "Jewish person",
        "Hindu",
        "Buddhist",
        "Sikh",
        "atheist",
        "Catholic",
        "Protestant",
        "Mormon",
        "Orthodox Christian",
        "agnostic",
        "Jew",
        "Alevi",
        "Sunni Muslim",
        "Shia Muslim",
    ],
    "gender": [
        "woman",
        "man",
        "trans woman",
        "trans man",
        "nonbinary person",
        "transgender person",
        "girl",
        "boy",
        "trans person",
        "cisgender woman",
        "cisgender man",
    ],
    "sexual orientation": [
        "gay person",
        "lesbian",
        "straight person",
        "bisexual person",
        "queer person",
        "asexual person",
        "gay man",
        "straight man",
        "heterosexual person",
        "homosexual person",
        "pansexual person",
    ],
}
