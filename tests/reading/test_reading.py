"""Keep/drop tests for the cleaner on whole web pages as a simple scraper saves them.

Each file in tests/fixtures/pages/ imitates the text dump of one news page, every visible
line in page order: masthead, menus, headline, byline, date, the article's paragraphs,
sidebars and footer. Each kind puts one hard case around an ordinary article: readers'
comments after it, a sixty-line menu above it, a cookie-consent banner, a footer naming the
owning company rather than the paper, a masthead clock showing the day the page was saved,
an embedded tweet with its own date, Chinese and Japanese pages, HTML character references
a scraper left undecoded, German and French datelines, bylines with two authors or a desk,
and a "Published … / Updated …" line. All outlets, people and places are invented.

The expectations are what a careful human reader would say: which article text must
survive, which page furniture must go, what the headline is, who wrote it, who published
it and when. They say nothing about *how* the cleaner decides. As in test_clean_outlets, a
dateline prefix ("PORT ANSELM: ") may be kept or stripped; only the sentence after it is
asserted.
"""

import datetime as dt
import functools
import html
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import paragraphs, squash
from newscorpus.reading.byline import byline_names
from newscorpus.reading.parse import parse_article

FIXTURES = Path(__file__).parent.parent / "fixtures" / "pages"


def load(name: str) -> bytes:
    """Raw bytes of tests/fixtures/pages/<name>."""
    return (FIXTURES / name).read_bytes()


@functools.cache
def parsed(name: str):
    return parse_article(load(name), name)


def input_lines(raw: bytes) -> list[str]:
    """The input's lines as a reader numbers them: BOM and CR line endings dropped, and
    character references ("&amp;") read as the characters they stand for."""
    return html.unescape(raw.decode("utf-8-sig")).replace("\r\n", "\n").split("\n")


@dataclass(frozen=True)
class Page:
    name: str
    keep: tuple[str, ...]  # article text, in reading order
    drop: tuple[str, ...]  # page text that must not appear anywhere in the body
    drop_lines: tuple[str, ...] = ()  # short page lines that must not survive as paragraphs


PAGES = (
    Page(
        # WordPress local paper: tag line and share bar after the article, then "23 Comments",
        # four readers' comments (name line, date line, a long prose paragraph, "Reply"), the
        # comment form and a "Proudly powered by WordPress" copyright line.
        name="comments_after.txt",
        keep=(
            "The Mill Lane footbridge over the River Tarrow reopened to pedestrians on Monday "
            "morning, nearly two years after engineers closed it",
            "The repairs cost £640,000, more than double the figure the county council gave",
            "For many people in Pennick the closure meant a detour of more than a mile",
            "It has been a long two years, and I think people had started to believe",
            "Cyclists will have to wait a little longer.",
            "The Harlow Valley Cycle Group welcomed the reopening but said the dismount signs "
            "should not become permanent.",
            # The article's last paragraph, right before the tag line and the comments.
            "A formal reopening ceremony, with the mayor and pupils from Pennick Primary School, "
            "is planned for Saturday 23 March at 11 a.m.",
        ),
        drop=(
            "23 Comments",
            "Alan Prewitt",
            "March 11, 2019 at 10:42 am",
            "I walked across this morning for the first time since 2017",
            "Somebody should be asked to explain where the extra money went.",
            "My daughter has had to get two buses to school for the best part of two years",
            "I think the dismount signs should stay exactly where they are.",
            "The cycle lane on the Harlow Road is a painted line next to lorries doing fifty",
            "Let us see how it goes once the coating is finished",
            "Leave a Reply",
            "Your email address will not be published.",
            "Proudly powered by WordPress",
        ),
        drop_lines=("Reply", "Share this:", "Comment", "Post Comment"),
    ),
    Page(
        # Metro evening paper: masthead, then a sixty-line menu, one item a line, before the
        # headline; byline with a job title; "More from Northgate" teasers and footer links.
        name="long_menu.txt",
        keep=(
            "Work on extending Northgate's tram line to the airport and the new hospital at "
            "Fellbrook will begin in the autumn",
            "Campaigners have been pressing for the line since 2004",
            "The city council's transport chief, Marcus Delaney, said the decision was",
            "Not everyone is pleased.",
            "The council says contractors will be barred from using village roads",
            "Trams are expected to start running to the airport in 2022",
            "The transport secretary is due to visit the city next month to mark the start of the "
            "works.",
        ),
        drop=(
            "Today's paper",
            "Advertise with us",
            "Back to top",
            "By Helen Marchetti, Transport Correspondent",
            "More from Northgate",
            "Hospital car park charges to rise from June",
            "Terms and conditions",
        ),
        drop_lines=(
            "Subscribe",
            "Sign in",
            "Menu",
            "News",
            "Politics",
            "Northgate",
            "Northgate United",
            "Rugby union",
            "Food & drink",
            "Crossword",
            "Weather",
            "Contact us",
        ),
    ),
    Page(
        # Seaside weekly: a consent banner (heading, notice, three buttons) above the
        # masthead, and a second cookie notice with an "OK" button after the share bar.
        name="cookie_notice.txt",
        keep=(
            "The Alhambra Theatre on Kestrel Bay's seafront opened its doors again on Friday "
            "night, three years after a storm tore part of its roof away",
            "The £3m restoration was paid for by a heritage lottery grant",
            "Builders found a painted curtain from the 1890s rolled up in the roof space",
            "This building belongs to the town, and the town has paid to bring it back.",
            "The theatre will host touring plays, concerts and a film club through the summer",
            "The council's leader, Neil Brannock, said the reopening would help bring visitors",
            "Guided tours of the building, including the restored fly tower and dressing rooms, "
            "will run on the first Saturday of every month.",
        ),
        drop=(
            "We value your privacy",
            "We use cookies to give you the best possible experience on our website",
            "you agree to the storing of cookies on your device",
            "Manage preferences",
            "Reject non-essential",
            "This website uses cookies.",
            "Find out more in our cookie policy",
        ),
        drop_lines=("Accept all", "OK", "Cookie policy", "Share"),
    ),
    Page(
        # US regional daily: the paper's name only as the masthead line, "Most Popular"
        # teasers, footer links, and a copyright line naming the owning holding company.
        name="owner_copyright.txt",
        keep=(
            "The Fenwick Unified School District board voted 5-2 on Tuesday night",
            "Supporters of the change, including a group of parents",
            "I have fallen asleep in first period more times than I can count",
            "District staff estimate that the new bus schedule will cost about $380,000 a year",
            "Superintendent Lorraine Whitaker said the district would work with coaches",
            "Middle schools currently begin at 8:15 a.m.",
            "Parents can find the new bell schedules on the district's website from next week.",
        ),
        drop=(
            "The Fenwick Herald",
            "Most Popular",
            "Police identify driver in Route 9 crash",
            "Fenwick North wins rivalry game in overtime",
            "Terms of Service",
            "Ashcombe Holdings Inc.",
            "All rights reserved.",
        ),
        drop_lines=("Subscribe", "Log In", "e-Edition", "Obituaries", "About Us"),
    ),
    Page(
        # Irish local paper: the page's own clock ("Wednesday, 20 November 2019") above the
        # masthead, the article's date in a "Published" line under the byline.
        name="masthead_clock.txt",
        keep=(
            "Dredging of Dunmore harbour will begin in the spring",
            "Trawler owners say the problem has become so bad",
            "We are losing a tide every day, and in this business a tide is money",
            "The port company said it had been waiting for an environmental assessment",
            "The harbour master, Aoife Kinsella, said the basin would be dredged",
            "The council has also agreed to pay for a study of whether a new breakwater could "
            "slow the build-up of silt in future.",
        ),
        drop=(
            "Wednesday, 20 November 2019",
            "Published 14 March 2019",
            "Sign up to our newsletter",
            "© The Dunmore Post",
        ),
        drop_lines=("The Dunmore Post", "Sign in", "Subscribe", "Arts", "By Fergal Sweeney"),
    ),
    Page(
        # The same page with the "Published" line gone: only the masthead clock has a date.
        name="masthead_clock_undated.txt",
        keep=(
            "Dredging of Dunmore harbour will begin in the spring",
            "The council has also agreed to pay for a study of whether a new breakwater could "
            "slow the build-up of silt in future.",
        ),
        drop=("Wednesday, 20 November 2019", "Sign up to our newsletter"),
        drop_lines=("The Dunmore Post", "By Fergal Sweeney"),
    ),
    Page(
        # Local news site: an embedded tweet (its text with a pic.twitter.com link, then the
        # "— Name (@handle) date" attribution) between the second and third paragraphs.
        name="embedded_tweet.txt",
        keep=(
            "Traders on Wexley's Main Street spent Monday pumping water out of their cellars",
            "Residents posted videos online of water pouring through the gaps in the old flood "
            "wall near the bridge and spreading along the street within minutes.",
            "Kath Bellamy, who has run the Corner Bakery for 22 years, said she lost two fridges",
            "Firefighters helped about 30 people leave homes on Mill Row",
            "The district council said it would waive business rates for three months",
            "The local MP, Stephen Garrow, said the flood wall had been due to be raised in 2016",
            "The Environment Agency said its teams would inspect the wall this week",
        ),
        drop=(
            "Skip to main content",
            "Related stories",
            "Flood warning issued for River Lenn",
            "Wexley flood wall scheme delayed again",
            "© 2019 Wexley Today",
        ),
        drop_lines=("Wexley Today", "Weather", "Community"),
    ),
    Page(
        # Chinese regional news portal: a menu of link words, headline, time-and-source line,
        # reporter line; after the article the editor line, share bar, related news, footer
        # links, copyright and ICP licence number.
        name="cjk_article.txt",
        keep=(
            "6月17日，青溪镇老街修缮工程正式开工。",
            "这条老街全长约八百米，两侧保留着一百多栋明清时期的木结构民居。",
            "近年来，随着游客数量逐年增加，老街部分房屋出现墙体开裂、屋顶漏雨等问题。",
            "据镇政府介绍，此次修缮坚持“修旧如旧”的原则，尽量使用传统材料和工艺。",
            "这座石拱桥建于清朝道光年间，至今已有近两百年历史。",
            "“房子是祖上留下来的，修好了，孩子们回来也有地方住。”",
            "相关部门还将在镇口设置临时指示牌，方便游客出行。",
        ),
        drop=(
            "溪州新闻网",
            "责任编辑：王磊",
            "分享到：微信 微博 QQ空间",
            "溪州今年将修缮十座古桥",
            "青溪镇入选省级历史文化名镇",
            "关于我们",
            "版权所有",
            "浙ICP备19012345号",
        ),
        drop_lines=("首页", "新闻", "国际", "登录", "注册", "相关新闻"),
    ),
    Page(
        # Japanese regional paper: menu, headline, date-and-time line (full-width digits in
        # the text), related-article links, footer links and an English copyright line.
        name="cjk_japanese.txt",
        keep=(
            "台風１９号の影響で一部区間が不通となっていた北浜鉄道浜線は、１日、約３か月ぶりに"
            "全線で運転を再開した。",
            "浜線は北浜駅と岬町駅を結ぶ全長約２８キロの路線で、通学や通院の足として利用されている。",
            "復旧工事には約８億円がかかり、国と県、沿線の二つの市町が費用を分担した。",
            "「バスだと朝がとても早かったので、電車が戻ってきて本当にうれしい」",
            "同社は今後、線路沿いの斜面に防護ネットを設置するなど、災害への備えを強化する方針だ。",
            "沿線の商店街でも、乗車券を見せると割引が受けられる催しが開かれる。",
        ),
        drop=(
            "浜線の代行バス、運行本数を増便",
            "岬町で台風被害の復旧進む",
            "利用規約",
            "プライバシーポリシー",
            "お問い合わせ",
            "Copyright © 2019 北浜新報社 All rights reserved.",
        ),
        drop_lines=("北浜新報", "ホーム", "ニュース", "ログイン", "会員登録", "関連記事"),
    ),
    Page(
        # Business weekly, one paragraph a line, saved with its HTML character references
        # undecoded: "&#163;", "&amp;", "&quot;", "&#x2019;", "&#8220;", "&eacute;", "&copy;".
        name="html_entities.txt",
        keep=(
            "Pembury & Lyle, the family bakery that has supplied bread to shops and cafés across "
            "Ribblesford for more than 60 years, has been sold to its larger rival Thornfield "
            "Foods for £1.8m.",
            "The company’s managing director, Graham Lyle, said he and his sister had decided to "
            "sell",
            "Thornfield has promised that all 48 staff at the bakery’s site on Canal Street will "
            "keep their jobs",
            "The bakery was founded in 1957 by Arthur Pembury and Walter Lyle",
            "Thornfield’s chief executive, Ruth Adeyemi, said the two firms had “very similar "
            "values”",
            "Local business leaders welcomed the sale.",
            "The deal is expected to be completed by the end of August.",
        ),
        drop=("Skip to content", "Share this article", "© 2019 Ribblesford Business Journal"),
        drop_lines=("Ribblesford Business Journal", "News | Companies | Property | Jobs | Events"),
    ),
    Page(
        # German local daily: "Von …" byline, "Veröffentlicht am 3. März 2019", "Mehr zum
        # Thema" links, Impressum/Datenschutz/Kontakt footer.
        name="german_dates.txt",
        keep=(
            "Die neue Rad- und Fußgängerbrücke zwischen Lindenau und Ostheim soll nach Angaben "
            "der Stadt im Oktober eröffnet werden.",
            "Die Brücke ist rund 140 Meter lang und vier Meter breit.",
            "„Wir liegen im Zeitplan und im Budget",
            "Anwohner in Ostheim hatten sich lange gegen den Standort der Brücke gewehrt.",
            "Der Allgemeine Deutsche Fahrrad-Club begrüßte den Fortschritt",
            "Die genauen Termine will die Stadt rechtzeitig bekanntgeben.",
        ),
        drop=(
            "Zum Inhalt springen",
            "Von Anna Schmidt",
            "Veröffentlicht am 3. März 2019",
            "Mehr zum Thema",
            "Fähre nach Ostheim stellt Betrieb ein",
            "Impressum",
            "© Lindenauer Tageblatt 2019",
        ),
        drop_lines=("Startseite", "Lokales", "Anmelden", "Abo abschließen", "Datenschutz"),
    ),
    Page(
        # French regional daily: "Par …" byline, "Publié le 12 avril 2019 à 10h05", "Lire
        # aussi" links, legal footer.
        name="french_dates.txt",
        keep=(
            "Fermé depuis plus de deux ans pour des travaux de rénovation, le marché couvert de "
            "Valmorin rouvrira ses portes en octobre",
            "Le bâtiment, construit en 1904, souffrait d'importantes infiltrations d'eau",
            "« Nous avons voulu garder l'âme du lieu",
            "Du côté des commerçants, le soulagement est réel.",
            "Certains riverains s'inquiètent toutefois du stationnement autour du marché",
            "Une journée portes ouvertes est prévue à la réouverture",
        ),
        drop=(
            "Aller au contenu principal",
            "Par Claire Vautrin",
            "Publié le 12 avril 2019 à 10h05",
            "Lire aussi",
            "le parking de la gare transformé en marché provisoire",
            "Mentions légales",
            "Politique de confidentialité",
        ),
        drop_lines=("Accueil", "Actualités", "Se connecter", "S'abonner"),
    ),
    Page(
        # US county paper: two authors in one byline, a bare date line under it.
        name="byline_two_authors.txt",
        keep=(
            "The state will spend $40 million over the next four years repairing trails",
            "Park managers say more than 11 million people visited state parks last year",
            "We are loving these places to death, and we have to catch up",
            "The money comes from a bond package lawmakers approved in May",
            "Some conservation groups welcomed the repairs",
            "Visitors can check which trails are closed for repairs on the department's website.",
        ),
        drop=("By Jane Doe and John Roe", "Share this story", "© 2019 The Carver County Sentinel"),
        drop_lines=("Sections", "Subscribe", "Sign In", "August 7, 2019"),
    ),
    Page(
        # South Asian-style city paper, one paragraph a line: a desk byline, no date line,
        # a "PORT ANSELM:" dateline opening the lead.
        name="byline_staff.txt",
        keep=(
            "The municipal water board has announced that supply will be suspended in six "
            "districts of the city for 36 hours from Saturday morning",
            "Officials said the leak, discovered last week near the Old Fort interchange",
            "The affected areas are Harbour Ward, Salt Market, Tannery Road",
            "Residents have been advised to store enough water for two days",
            "The board's chief engineer, Rafiq Mallah, said the pipeline was more than 40 years "
            "old",
            "Several restaurant owners said they would have to close for the weekend",
        ),
        drop=("By Staff Reporter", "E-Paper", "Copyright © The Port Anselm Tribune"),
        drop_lines=("The Port Anselm Tribune", "Home", "City", "Nation"),
    ),
    Page(
        # Local news site: "Published … / Updated …" on one line under the byline.
        name="updated_line.txt",
        keep=(
            "The long-delayed Marrowby bypass will not open before next spring",
            "The £96m road is meant to take lorries and through traffic away",
            "We would rather open the road a year late than open a road that starts sinking",
            "Opposition councillors said the delay was the third since work started",
            "Engineers will now build a longer viaduct over the wettest stretch of the flood plain",
        ),
        drop=(
            "Published 3 March 2019 / Updated 5 March 2019",
            "Bypass budget rises by £11m",
            "© Marrowby Online",
        ),
        drop_lines=("Marrowby Online", "Related", "Share", "Email", "Sign in"),
    ),
    Page(
        # German regional site as a simple scraper saves it: the title said twice, "Erschienen
        # am" on one line and the date on the next, a photo credit, a short article with a
        # phrase set apart by blank lines, "Weitere Artikel" teasers with their own dates over
        # them, then seven readers' comments, together far longer than the article.
        name="labelled_date.txt",
        keep=(
            "Die Winterausstellung zum Märchenfilm „Die drei Schneeflocken“ öffnet am 22. "
            "November 2023 auf Schloss Lindenhof. Gezeigt werden Kostüme",
            "Der Vorverkauf der Zeitfenster-Karten hat begonnen.",
            "weil an den Wochenenden vor Weihnachten lange Wartezeiten zu erwarten sind.",
        ),
        drop=(
            "Erschienen am",
            "© Bildagentur Nordlicht / Jana Felsberg",
            "Weitere Artikel",
            "Wie die Stadtbibliothek ihre Lesesäle umbaut",
            "12 Kommentare",
            "Gisela Hartwig",
            "Ich war schon bei der ersten Ausstellung vor vierzehn Jahren dabei",
            "Ich hätte mir gewünscht, dass die Ausstellung in diesem Jahr endlich",
            "© Elbtaler Rundschau 2023",
        ),
        drop_lines=("Startseite", "Kultur", "Antworten", "Impressum", "30.10.2023"),
    ),
)

# Two pages about dates, each also as a text browser renders it (on one line what the
# scraper saw on several).
BLACKTHORN = (
    "After a mild February the blackthorn along the lane behind the cottage",
    "the ones in the frost pocket by the stream set almost none.",
)
RENT_CAP = (
    "Die Mieten in den Altbauten der Stadt sollen im April um fast sechs Prozent",
    "Der Verein hat eine Unterschriftenliste gestartet",
    "in der nächsten Sitzung des Gemeinderats besprechen lassen.",
)
PAGES += (
    Page(
        # An opinion piece: the author's name, a follow button, then the date.
        name="byline_follow_button.txt",
        keep=(
            "When the island council signed the new ferry contract last spring",
            "The boats arrived, but the winter timetable published this month drops",
            "Passengers who spoke at Tuesday's council meeting asked for the early crossings",
            "A council spokesman said the contract allowed the operator",
        ),
        drop=(
            "+ FOLLOW",
            "Published: 10:00am",
            "Share this article",
            "The harbour wall needs more than a coat of paint",
            "© 2020 Harbour Post",
        ),
        drop_lines=("Hannah Lindqvist", "News", "Opinion", "Sign in"),
    ),
    Page(
        # A blog post with its byline's label alone over the author's name ("von" / "Anna
        # Berger"), and the same label and name in the post's footer, which is no byline.
        name="byline_label_alone.txt",
        keep=(
            "Nach drei mageren Jahren hängt der alte Apfelbaum im Hinterhof",
            "Der Baum war im Sommer 2017 schwer vom Feuerbrand befallen",
            "Stattdessen schnitten die Bewohner die kranken Äste heraus",
        ),
        drop=("Beitragsnavigation", "Vorherige", "Über Anna Berger"),
        drop_lines=("von", "Anna Berger", "Veröffentlicht am"),
    ),
    Page(
        # A news site's story: byline, a date stated as "Updated", then a video player's
        # label, title and buttons before the first paragraph.
        name="video_label_after_date.txt",
        keep=(
            "Harbour workers in the port city returned to their shifts on Sunday morning",
            "The strike, which had lasted nine days, left dozens of container ships",
            "Union officials said the deal raised basic pay by six percent over two years",
            "The port authority said it expected the backlog of ships to clear within a week",
        ),
        drop=("JUST WATCHED", "Replay", "More Videos ...", "Morwenna Tallis"),
        drop_lines=("Harbour workers return to the docks", "World", "Politics"),
    ),
    Page(
        # A blog post under its author and two bare dates, written and revised in an order
        # nothing labels; a related post's date below the article.
        name="two_dates.txt",
        keep=BLACKTHORN,
        drop=("Share this:", "Related posts", "Sloe gin, the slow way", "© 2022 Hedgerow Notes"),
        drop_lines=("Home", "Garden", "14 March 2021", "2 February 2022"),
    ),
    Page(
        name="two_dates_one_line.txt",
        keep=BLACKTHORN,
        drop=("Share this:", "14 March 2021", "Sloe gin, the slow way"),
        drop_lines=("Home", "Garden"),
    ),
    Page(
        # The date and, after it on the same line, the date of a revision that says so.
        name="dated_and_updated_one_line.txt",
        keep=BLACKTHORN,
        drop=("Share this:", "Updated 2 February 2022", "Sloe gin, the slow way"),
        drop_lines=("Home", "Garden"),
    ),
    Page(
        # A local paper's story with its date over the headline and an embedded social post,
        # dated days later, between its paragraphs.
        name="embedded_post_date.txt",
        keep=(
            RENT_CAP[0],
            "die schon jetzt mehr als ein Drittel ihres Geldes für die Miete ausgeben.",
            *RENT_CAP[1:],
        ),
        drop=("Posted by", "Alle Inhalte laden", "© Stadtblatt Ostland 2022"),
        drop_lines=("Politik", "Kontakt", "Monday, March 14, 2022", "Teilen"),
    ),
    Page(
        # A news site's menu whose items lost their spaces, and an audio player's label.
        name="glued_menu.txt",
        keep=(
            "Los pescadores celebran la vuelta a la actividad",
            "según informó la autoridad portuaria.",
            "cuando empieza la campaña de la anchoa.",
        ),
        drop=("AméricaMéxicoVenezuelaColombia",),
        drop_lines=("Escuchar artículo", "Mundo", "12 de Marzo de 2022"),
    ),
    Page(
        name="embedded_post_date_one_line.txt",
        keep=RENT_CAP,
        drop=("Posted by", "Monday, March 14, 2022", "© Stadtblatt Ostland 2022"),
        drop_lines=("Politik", "Teilen"),
    ),
    Page(
        # A sports site's story dated "12. Feb. 2022 in Hamburg, Deutschland" under its
        # headline, with a broadcast day set apart between its paragraphs.
        name="dated_in_place.txt",
        keep=(
            "Die Tour bleibt in Kalifornien, die europäische Tour spielt in Saudi-Arabien",
            "die Finalrunden laufen wegen der Zeitverschiebung bis spät in die Nacht.",
            "findet die Zusammenfassungen am Montagmorgen in der Mediathek des Senders.",
        ),
        drop=("Weitere News", "Die besten Golfreisen im Frühling", "© Golfblatt 2022"),
        drop_lines=("Turniere", "Newsletter"),
    ),
)

PAGES += (
    Page(
        # A local paper's outdoors story: an advertising disclosure over the article, a
        # caption that ends with its photographer's credit, a numbered figure's caption in
        # the middle, and the comment section's rules after it. Two article sentences look
        # like those lines ("The picture: …", "comments are moderated too aggressively"):
        # they stay.
        name="captions_disclosure.txt",
        keep=(
            "The Kestrel Ridge trail, closed since the January storms brought down trees",
            "The picture: a trail that is busier than ever.",
            "Critics say comments are moderated too aggressively on the park's own forum",
            "The upper car park will open on weekends only until the end of April.",
        ),
        drop=(
            "Advertising disclosure: We may receive compensation",
            "Volunteers cleared more than 300 fallen trees from the upper path in February.",
            "Photo: Tomas Reyk",
            "Figure 2: Where the trail was closed",
            "Please understand that comments are moderated",
            "We welcome reader comments on the top stories of the day.",
        ),
        drop_lines=("Spring bird counts begin on the estuary", "Outdoors"),
    ),
)

PAGES += (
    Page(
        # A radio site's news page: a two-paragraph story about passwords, then the whole
        # sign-in and registration form the page hides until asked, its labels and error
        # messages as short sentences, far longer than the story. The story's own
        # sentences about passwords and email addresses stay.
        name="account_form.txt",
        keep=(
            "Members of the Harrowgate library service have been told to change their passwords",
            "the email addresses and names of about 4,000 members could have been read",
        ),
        drop=(
            "Sign in with your Harrowgate account.",
            "No account exists for this email address, or the password is wrong.",
            "The password must be at least 8 characters long.",
            "Registration did not work. Please check your details.",
        ),
        drop_lines=("Forgot your password?", "Continue", "Register"),
    ),
)

PAGES += (
    Page(
        # A tech story that states no date of its own, with an embedded post in it: the
        # post's text, its picture link, "— Name (@handle)" and, on the next line, the
        # post's date. The post's date is not the article's: the article is undated.
        name="embedded_tweet_undated.txt",
        keep=(
            "A researcher who studies test versions of apps has found a voice-note feature",
            "Users in the test can record a note of up to 30 seconds and add it to a story",
            "Photoreel did not say when the feature would reach all users",
        ),
        drop=("More in Tech", "Phone makers promise longer updates", "© Portmoor Post"),
        drop_lines=("News", "Sport"),
    ),
)

PAGES += (
    Page(
        # A gardening blog whose sidebar comes right under the headline in the dump:
        # "Recent Posts", then a teaser's date, author and title. The teaser's date is not
        # the article's, and its author is not the article's: the article is undated.
        name="teaser_under_headline.txt",
        keep=(
            "Fig trees are among the easiest fruit trees to keep in a pot.",
            "Start with a pot at least 40 centimetres across",
        ),
        drop=("Recent Posts", "Snake Plant Care: A Complete Guide", "© Gardening Corner"),
        drop_lines=("Mara Lind", "October 30, 2020", "Read More"),
    ),
    Page(
        # The same sidebar as a text browser renders it: each teaser's date and author on
        # one bulleted line ("* October 30, 2020 Mara Lind") over its title.
        name="teaser_under_headline_bulleted.txt",
        keep=(
            "Fig trees are among the easiest fruit trees to keep in a pot.",
            "Start with a pot at least 40 centimetres across",
        ),
        drop=("Recent Posts", "Peace Lily Care", "© Gardening Corner"),
        drop_lines=("* October 30, 2020 Mara Lind", "* October 28, 2020 Mara Lind", "Read More"),
    ),
    Page(
        # A blog theme that prints the date with the month first in German ("Dezember 29,
        # 2021") over "von" and the author, and the author again beside a "/" under the
        # headline: the date is the article's, the author is not its headline.
        name="theme_month_first.txt",
        keep=(
            "Der Schlosspark von Wendelstein leuchtet in diesem Winter wieder",
            "Neu ist in diesem Jahr ein Abschnitt am Seeufer",
        ),
        drop=("Ähnliche Beiträge", "Die schönsten Weihnachtsmärkte im Süden"),
        drop_lines=("Julia Brenner", "Dezember 29 2021"),
    ),
    Page(
        # A Spanish paper's "VEA TAMBIÉN:" between two paragraphs with one teaser headline
        # under it, then the article resumes; after the article, a note that opinions are
        # their authors' and a prompt to follow the paper on social networks.
        name="inline_teaser.txt",
        keep=(
            "ordenó este lunes devolver a sus dueños la avioneta",
            "Cabe indicar que desde que se ordenó la devolución de la aeronave",
            "La fiscalía tiene cinco días para apelar la decisión",
        ),
        drop=(
            "VEA TAMBIÉN",
            "Entre lluvias y apagones",
            "Las opiniones expresadas aquí",
            "Follow Diario del Istmo on Twitter",
        ),
    ),
)

PAGES += (
    Page(
        # A short blog post, a "Read more" box inside it (the heading over one link), then a
        # list of recent posts, each a title, a date and an excerpt longer than the post's
        # own paragraphs, over "READ THE REST". The excerpts are teasers, however long.
        name="excerpts_after_short_post.txt",
        keep=(
            "The night ferry between Kellport and the islands sails again from Friday",
            "Tickets go on sale on Thursday morning at the quay office and online.",
            "Crews have been hired back from the old company",
        ),
        drop=(
            "Island schools to share one bus from autumn",
            "Sea kayak rentals open earlier this year",
            "The rental hut at the north beach will open in April",
            "The town has chosen a builder for the fish market roof",
            "The two keepers' cottages at the point",
            "© 2021 Harbour Notes",
        ),
        drop_lines=("Read more", "READ THE REST", "February 24, 2021"),
    ),
)

PAGE_NAMES = tuple(page.name for page in PAGES)

HEADLINES = {
    "byline_follow_button.txt": "Why the ferry timetable should be set by the people who ride it",
    "byline_label_alone.txt": "Der Apfelbaum im Hof trägt wieder",
    "video_label_after_date.txt": (
        "Harbour workers end strike after pay deal is agreed in late-night talks"
    ),
    "glued_menu.txt": "El puerto de Valdemora reabre tras tres semanas de obras en el muelle norte",
    "dated_in_place.txt": "Golf im TV: Drei Turniere an einem Wochenende",
    "dated_and_updated_one_line.txt": "Why the blackthorn flowered three weeks early this spring",
    "two_dates_one_line.txt": "Why the blackthorn flowered three weeks early this spring",
    "embedded_post_date_one_line.txt": "Mieterverein fordert Deckel für Altbaumieten",
    "embedded_post_date.txt": "Mieterverein fordert Deckel für Altbaumieten",
    "two_dates.txt": "Why the blackthorn flowered three weeks early this spring",
    "inline_teaser.txt": "Juez ordena devolver avioneta retenida en el aeropuerto de Albrook",
    "theme_month_first.txt": "Winterzauber im Schlosspark: Lichterweg lockt bis Ende Januar",
    "teaser_under_headline.txt": "How to Grow a Fig Tree in a Pot",
    "teaser_under_headline_bulleted.txt": "How to Grow a Fig Tree in a Pot",
    "embedded_tweet_undated.txt": "Photo app tests voice notes for its stories feature",
    "account_form.txt": "Library members told to change passwords after booking system breach",
    "captions_disclosure.txt": (
        "Rangers reopen the Kestrel Ridge trail after a winter of storm repairs"
    ),
    "comments_after.txt": (
        "Footbridge over the Tarrow reopens after two years, but cyclists must still dismount"
    ),
    "long_menu.txt": "Northgate tram extension wins final approval after 15-year campaign",
    "cookie_notice.txt": (
        "Coastal theatre reopens after £3m restoration of its Victorian auditorium"
    ),
    "owner_copyright.txt": "School board approves later start times for Fenwick high schools",
    "masthead_clock.txt": (
        "Harbour dredging to begin in spring as trawler owners warn of silted berths"
    ),
    "masthead_clock_undated.txt": (
        "Harbour dredging to begin in spring as trawler owners warn of silted berths"
    ),
    "embedded_tweet.txt": "Main Street shops count the cost after River Lenn bursts its banks",
    "cjk_article.txt": "青溪古镇启动老街修缮工程 百年石桥将恢复原貌",
    "cjk_japanese.txt": "台風で不通の浜線、３か月ぶりに全線で運転再開",
    "html_entities.txt": "Family bakery Pembury & Lyle sold to rival in £1.8m deal",
    "german_dates.txt": "Neue Radbrücke über die Saale soll im Herbst fertig sein",
    "french_dates.txt": "Le marché couvert de Valmorin rouvrira ses portes à l'automne",
    "byline_two_authors.txt": (
        "State parks to get $40 million for trail repairs after record visitor numbers"
    ),
    "byline_staff.txt": "Water supply to be suspended in six city districts for pipeline repairs",
    "updated_line.txt": "Marrowby bypass will not open until next year, council admits",
    "labelled_date.txt": (
        "Märchenfilm-Ausstellung: Jetzt Karten sichern für den Winter auf Schloss Lindenhof"
    ),
    "excerpts_after_short_post.txt": "The quiet return of the night ferry",
}

# Publication dates a reader can read off the page, under the headline or beside the byline.
STATED_DATES = {
    "glued_menu.txt": dt.date(2022, 3, 12),
    # "Posted on March 11, 2019 by …"; the comments' own dates must not matter.
    "comments_after.txt": dt.date(2019, 3, 11),
    "long_menu.txt": dt.date(2019, 5, 14),
    "cookie_notice.txt": dt.date(2019, 6, 22),
    # "Sept. 18, 2019": the copyright year in the footer gives at most a year.
    "owner_copyright.txt": dt.date(2019, 9, 18),
    # "Published 14 March 2019"; the masthead clock says 20 November 2019.
    "masthead_clock.txt": dt.date(2019, 3, 14),
    # "Published 4 March 2019"; the embedded tweet is dated March 3, 2019.
    "embedded_tweet.txt": dt.date(2019, 3, 4),
    # "2019-06-18 09:35　来源：溪州日报" under the headline.
    "cjk_article.txt": dt.date(2019, 6, 18),
    # "2019年12月2日 10時15分" under the headline.
    "cjk_japanese.txt": dt.date(2019, 12, 2),
    "html_entities.txt": dt.date(2019, 7, 9),
    "german_dates.txt": dt.date(2019, 3, 3),
    "theme_month_first.txt": dt.date(2021, 12, 29),
    "french_dates.txt": dt.date(2019, 4, 12),
    "byline_two_authors.txt": dt.date(2019, 8, 7),
    # "Published 3 March 2019 / Updated 5 March 2019": published is the first.
    "updated_line.txt": dt.date(2019, 3, 3),
    # "11. März 2022, 09:40 Uhr" over the headline; not the embedded post's date below the
    # lead.
    "embedded_post_date.txt": dt.date(2022, 3, 11),
    # "12. Feb. 2022 in Hamburg, Deutschland"; not the broadcast day in the article.
    "dated_in_place.txt": dt.date(2022, 2, 12),
    # "14 March 2021 / Updated 2 February 2022": the revision says it is one.
    "dated_and_updated_one_line.txt": dt.date(2021, 3, 14),
    # "Posted by … on Monday, March 14, 2022" states a date, but inside the article's prose.
    "embedded_post_date_one_line.txt": dt.date(2022, 3, 11),
    # "Erschienen am" / "30.10.2023"; not the exhibition's "22. November 2023", the teasers'
    # dates or the comments'.
    "labelled_date.txt": dt.date(2023, 10, 30),
    # "March 3, 2021" under the byline; not the recent posts' dates.
    "excerpts_after_short_post.txt": dt.date(2021, 3, 3),
}

# The article states no date: "PORT ANSELM:" has none, and the undated masthead page shows
# only the page's own clock, which is when the page was saved, not when the article was
# published.
UNDATED = (
    "masthead_clock_undated.txt",
    "byline_staff.txt",
    "embedded_tweet_undated.txt",
    "teaser_under_headline.txt",
    "teaser_under_headline_bulleted.txt",
    "two_dates.txt",
    "two_dates_one_line.txt",
)

# Who wrote it, as the byline says. A desk ("Staff Reporter") is not a person.
BYLINES = {
    # The sidebar's "Recent Posts" teaser names its own author, not the article's.
    "teaser_under_headline.txt": (),
    "teaser_under_headline_bulleted.txt": (),
    # WordPress: "Posted on March 11, 2019 by Tom Keeling"; the commenters are not authors.
    "comments_after.txt": ("Tom Keeling",),
    # "By Helen Marchetti, Transport Correspondent": the job title is not a name.
    "long_menu.txt": ("Helen Marchetti",),
    "cookie_notice.txt": ("Eleanor Pryce",),
    "masthead_clock.txt": ("Fergal Sweeney",),
    "embedded_tweet.txt": ("Owen Tredwell",),
    "byline_two_authors.txt": ("Jane Doe", "John Roe"),
    "german_dates.txt": ("Anna Schmidt",),
    "french_dates.txt": ("Claire Vautrin",),
    "byline_staff.txt": (),
    # "Weitere Artikel" over a teaser's date is a heading, not a name.
    "labelled_date.txt": (),
    "excerpts_after_short_post.txt": ("Ines Vahl",),
    # "JUST WATCHED" under the date, after the byline: a video's label, not an author.
    "video_label_after_date.txt": ("Morwenna Tallis",),
    # A follow button between the name and the date.
    "byline_follow_button.txt": ("Hannah Lindqvist",),
    # "von" alone over the name.
    "byline_label_alone.txt": ("Anna Berger",),
}

# (as the reader must see it, as the scraper left it) in html_entities.txt.
ENTITIES = (
    ("£1.8m", "&#163;1.8m"),
    ("Pembury & Lyle", "&amp;"),
    ('"It was the hardest decision', "&quot;"),
    ("The company’s managing director", "&#x2019;"),
    ("“very similar values”", "&#8220;"),
    ("cafés", "&eacute;"),
)


def _ids(name: str) -> str:
    return name.removesuffix(".txt")


def _flatten(field: str):
    return [
        pytest.param(page.name, text, id=f"{_ids(page.name)}-{i:02d}")
        for page in PAGES
        for i, text in enumerate(getattr(page, field))
    ]


all_names = pytest.mark.parametrize("name", PAGE_NAMES, ids=_ids)
all_pages = pytest.mark.parametrize("page", PAGES, ids=lambda p: _ids(p.name))


# --- keep -----------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "text"), _flatten("keep"))
def test_keeps_article_text(name, text):
    assert text in parsed(name).body_text, f"{name}: article text lost: {text!r}"


@all_pages
def test_article_text_keeps_its_order(page):
    body = parsed(page.name).body_text
    positions = [body.find(text) for text in page.keep]
    found = [p for p in positions if p >= 0]
    assert found == sorted(found)


# --- drop -----------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "phrase"), _flatten("drop"))
def test_drops_page_text(name, phrase):
    assert phrase not in parsed(name).body_text, f"{name}: page text kept: {phrase!r}"


@pytest.mark.parametrize(("name", "line"), _flatten("drop_lines"))
def test_drops_short_page_lines(name, line):
    assert line not in paragraphs(parsed(name)), f"{name}: page line kept: {line!r}"


@pytest.mark.parametrize(("name", "phrase"), _flatten("drop"))
def test_dropped_page_text_is_recorded_in_removed(name, phrase):
    removed = [squash(r.text) for r in parsed(name).removed]
    assert any(phrase in text for text in removed), f"{name}: not in removed: {phrase!r}"


# --- readers' comments ----------------------------------------------------------------

LAST_PARAGRAPH = (
    "A formal reopening ceremony, with the mayor and pupils from Pennick Primary School, is "
    "planned for Saturday 23 March at 11 a.m."
)
COMMENTS = (
    "I walked across this morning for the first time since 2017 and I have to say the new deck "
    "is a big improvement on the old one",
    "My daughter has had to get two buses to school for the best part of two years",
    "With respect to the cyclists, the bridge was never wide enough for bikes",
    "The cycle lane on the Harlow Road is a painted line next to lorries doing fifty, Gerald",
)


@pytest.mark.parametrize("comment", COMMENTS, ids=range(len(COMMENTS)))
def test_comments_go_and_the_last_paragraph_stays(comment):
    body = parsed("comments_after.txt").body_text
    assert LAST_PARAGRAPH in body
    assert comment not in body


def test_comments_heading_goes_and_the_article_ends_at_its_last_paragraph():
    article = parsed("comments_after.txt")
    assert paragraphs(article)[-1] == LAST_PARAGRAPH
    assert "23 Comments" not in article.body_text


# --- a long menu above the headline ----------------------------------------------------


def test_headline_is_found_below_a_sixty_line_menu():
    article = parsed("long_menu.txt")
    assert article.headline == HEADLINES["long_menu.txt"]
    assert article.headline_derived is False


def test_no_menu_line_survives_and_the_lead_stays():
    lines = input_lines(load("long_menu.txt"))
    menu = [line for line in lines[1:61] if line]
    assert len(menu) == 60
    article = parsed("long_menu.txt")
    assert paragraphs(article)[0].startswith("Work on extending Northgate's tram line")
    kept = [line for line in menu if line in paragraphs(article)]
    assert kept == []


# --- cookie banner ----------------------------------------------------------------------


def test_cookie_banners_go_and_the_article_stays():
    article = parsed("cookie_notice.txt")
    body = article.body_text
    assert paragraphs(article)[0].startswith("The Alhambra Theatre on Kestrel Bay's seafront")
    assert paragraphs(article)[-1].startswith("Guided tours of the building")
    assert "cookies" not in body


# --- the owner's copyright line ---------------------------------------------------------


def test_owning_company_in_the_copyright_line_is_not_the_outlet():
    outlet = parsed("owner_copyright.txt").outlet
    assert "Ashcombe" not in outlet
    assert outlet in ("The Fenwick Herald", "Fenwick Herald", "Unknown outlet")


# --- masthead clock -------------------------------------------------------------------


def test_masthead_clock_is_not_the_published_date():
    published = parsed("masthead_clock.txt").published
    assert published.value == dt.date(2019, 3, 14)
    assert published.value != dt.date(2019, 11, 20)


def test_masthead_clock_does_not_date_an_article_that_states_no_date():
    published = parsed("masthead_clock_undated.txt").published
    assert (published.value, published.precision, published.status) == (None, "none", "undated")
    assert published.label == "Undated"


# --- embedded tweet -------------------------------------------------------------------


def test_tweet_date_is_not_the_published_date():
    published = parsed("embedded_tweet.txt").published
    assert published.value == dt.date(2019, 3, 4)
    assert published.value != dt.date(2019, 3, 3)


def test_paragraphs_either_side_of_the_tweet_stay():
    body = parsed("embedded_tweet.txt").body_text
    before = "Residents posted videos online of water pouring through the gaps"
    after = "Kath Bellamy, who has run the Corner Bakery for 22 years"
    assert before in body
    assert after in body
    assert body.find(before) < body.find(after)
    assert "Related stories" not in body


# --- Chinese and Japanese pages -------------------------------------------------------


@pytest.mark.parametrize("name", ["cjk_article.txt", "cjk_japanese.txt"], ids=_ids)
def test_unspaced_article_keeps_its_paragraphs(name):
    article = parsed(name)
    page = next(page for page in PAGES if page.name == name)
    assert len([block for block in article.blocks if block.kind == "p"]) >= 5
    assert page.keep[0] in paragraphs(article)[0]
    assert page.drop[-1] not in article.body_text


# --- HTML character references --------------------------------------------------------


@pytest.mark.parametrize(("rendered", "raw"), ENTITIES, ids=[raw for _, raw in ENTITIES])
def test_character_reference_is_read_as_its_character(rendered, raw):
    body = parsed("html_entities.txt").body_text
    assert rendered in body
    assert raw not in body


def test_bare_ampersand_in_a_word_stays():
    body = parsed("html_entities.txt").body_text
    assert "the bakery’s R&D work on lower-salt recipes" in body
    assert "&#" not in body


def test_headline_character_references_are_read():
    headline = parsed("html_entities.txt").headline
    assert headline == HEADLINES["html_entities.txt"]
    assert "&amp;" not in headline
    assert "&#163;" not in headline


# --- headline -------------------------------------------------------------------------


@all_names
def test_headline(name):
    assert parsed(name).headline == HEADLINES[name]


@all_names
def test_headline_is_not_repeated_as_a_body_paragraph(name):
    article = parsed(name)
    assert article.headline not in paragraphs(article)


# --- published and updated dates ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "date"),
    [pytest.param(name, date, id=_ids(name)) for name, date in STATED_DATES.items()],
)
def test_stated_published_date(name, date):
    published = parsed(name).published
    assert (published.value, published.precision, published.status) == (date, "day", "stated")


@pytest.mark.parametrize("name", UNDATED, ids=_ids)
def test_article_that_states_no_date_is_undated(name):
    published = parsed(name).published
    assert (published.value, published.precision, published.status) == (None, "none", "undated")


def test_date_under_a_label_of_its_own_is_stated_as_the_publication_line():
    published = parsed("labelled_date.txt").published
    assert published.reason == "publication line 'Erschienen am 30.10.2023'"


@pytest.mark.parametrize(
    ("name", "quoted"),
    [
        ("two_dates.txt", "'14 March 2021', '2 February 2022'"),
        ("two_dates_one_line.txt", "'Ruth Aldred · 14 March 2021 · 2 February 2022 | Garden'"),
    ],
)
def test_two_bare_dates_side_by_side_leave_the_date_open_and_say_so(name, quoted):
    published = parsed(name).published
    assert published.value is None
    assert published.reason == (
        f"two dates side by side under the headline ({quoted}) and neither says it is the"
        " publication date"
    )


def test_phrase_set_apart_by_blank_lines_stays_in_its_sentence():
    sentence = "öffnet am 22. November 2023 auf Schloss Lindenhof."
    assert sentence in paragraphs(parsed("labelled_date.txt"))[0]
    assert "am 22. November 2023" not in paragraphs(parsed("labelled_date.txt"))


# "Published 3 March 2019 / Updated 5 March 2019"; "14 March 2021 / Updated 2 February 2022".
UPDATED = {
    "updated_line.txt": (dt.date(2019, 3, 3), dt.date(2019, 3, 5)),
    "dated_and_updated_one_line.txt": (dt.date(2021, 3, 14), dt.date(2022, 2, 2)),
    # Only "Updated …": the update's date, and no publication date made up from it.
    "video_label_after_date.txt": (None, dt.date(2021, 3, 14)),
}


@pytest.mark.parametrize(("name", "dates"), UPDATED.items(), ids=[_ids(name) for name in UPDATED])
def test_updated_date_is_kept_apart_from_the_published_date(name, dates):
    article = parsed(name)
    assert article.published.value == dates[0]
    assert article.updated is not None
    assert (article.updated.value, article.updated.status) == (dates[1], "stated")


@pytest.mark.parametrize("name", [name for name in PAGE_NAMES if name not in UPDATED], ids=_ids)
def test_page_without_an_updated_line_has_no_updated_date(name):
    assert parsed(name).updated is None


# --- byline ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "names"),
    [pytest.param(name, names, id=_ids(name)) for name, names in BYLINES.items()],
)
def test_byline_names(name, names):
    assert parsed(name).byline == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Interview: Julia Lauter", ("Julia Lauter",)),
        ("Interview Julia Lauter", ("Julia Lauter",)),
        ("Sara Zinnecker Stand 12.03.2023", ("Sara Zinnecker",)),
        ("Maria de la Cruz", ("Maria de la Cruz",)),
        ("By Edward Said", ("Edward Said",)),
        # A placeholder, a date's "on", an address written as words, a company.
        ("No Author", ()),
        ("On August", ()),
        ("Bueltge De", ()),
        ("Www Proplanta De", ()),
        ("Copyright Haufe-Lexware GmbH", ()),
        # A comment counter, a page's "Last Modified", a title opening with an article.
        ("Keine Kommentare", ()),
        ("Last Modified", ()),
        ("Die Zukunft der Arbeit", ()),
        ("La Toya Jackson", ("La Toya Jackson",)),
        ("Der Michel", ("Der Michel",)),
    ],
)
def test_a_byline_keeps_names_and_nothing_else(line, names):
    assert byline_names([line]) == names


# --- the removed audit trail ----------------------------------------------------------


@all_names
def test_removed_entries_quote_the_input(name):
    text = squash("\n".join(input_lines(load(name))))
    for r in parsed(name).removed:
        assert squash(r.text) in text, r
        assert isinstance(r.reason, str) and r.reason.strip(), r


@all_names
def test_removed_line_numbers_count_from_one(name):
    lines = input_lines(load(name))
    for r in parsed(name).removed:
        assert 1 <= r.line_no <= len(lines), r
        assert squash(r.text) in squash(lines[r.line_no - 1]), r


# --- body shape -----------------------------------------------------------------------


@all_names
def test_body_is_clean_paragraphs(name):
    article = parsed(name)
    body = article.body_text
    assert body, name
    assert "\r" not in body
    for paragraph in paragraphs(article):
        assert paragraph, "empty paragraph"
        assert paragraph == paragraph.strip(), repr(paragraph)
        assert "\n" not in paragraph, repr(paragraph)
