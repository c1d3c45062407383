"""Keep/drop tests for the cleaner on hand-made articles in other outlets' styles.

Each file in tests/fixtures/outlets/ imitates how a scraper captures a different kind of
site (wire agency, broadsheet, Gulf broadcaster, WordPress local blog, Indian daily,
newsletter, defence trade magazine, press-release wire, US metro daily) or is a plain,
furniture-free article that must come out untouched.

The expectations are what a careful human reader would say: which article text must
survive, which page furniture must go, what the headline is, who published it and when.
They say nothing about *how* the cleaner decides. Two judgement calls run through the table:

* a dateline prefix ("LONDON, March 3 (Reuters) - ") may be kept or stripped; only the
  sentence after it is asserted;
* standfirsts / subtitles are article text and are kept.
"""

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import paragraphs, squash
from newscorpus.reading.parse import parse_article

FIXTURES = Path(__file__).parent.parent / "fixtures" / "outlets"


def load(name: str) -> bytes:
    """Raw bytes of tests/fixtures/outlets/<name>."""
    return (FIXTURES / name).read_bytes()


@functools.cache
def parsed(name: str):
    return parse_article(load(name), name)


def input_lines(raw: bytes) -> list[str]:
    """The input's lines as a reader numbers them: BOM and CR line endings dropped."""
    return raw.decode("utf-8-sig").replace("\r\n", "\n").split("\n")


@dataclass(frozen=True)
class Case:
    name: str
    headline: str
    outlets: tuple[str, ...]  # acceptable values of article.outlet
    keep: tuple[str, ...]  # article text, in reading order
    drop: tuple[str, ...]  # furniture phrases that must not appear anywhere in the body
    drop_lines: tuple[str, ...] = ()  # short furniture lines that must not survive as paragraphs


CASES = (
    Case(
        # Reuters-like: nav, byline, read time, "[1/2]" photo caption with a *file-photo* date,
        # registration prompt, newsletter plug, "Read More" related headlines, credit line,
        # Trust Principles footer.
        name="wire_reuters_style.txt",
        headline="Harcourt Marine to cut 400 jobs after North Sea storm claims hit profit",
        outlets=("Reuters",),
        keep=(
            "Harcourt Marine, the London-listed cargo and hull insurer, said on Friday it would "
            "cut about 400 jobs, or roughly 8% of its workforce, after a run of winter storms in "
            "the North Sea pushed it to its first annual loss in a decade.",
            "The company, which insures around 2,300 vessels worldwide, said most of the cuts "
            "would fall on back-office roles in London and Rotterdam and would be completed by "
            "the end of the year.",
            "Shares in Harcourt fell as much as 11% in early trade, their steepest one-day drop "
            "since October 2020, before paring losses to stand 6.4% lower by 1015 GMT.",
            "“We have had to take some difficult decisions,” Chief Executive Fiona Ellery told "
            "reporters on a call. “The claims environment has changed faster than our pricing, "
            "and we were too slow to respond.”",
            "Ellery said the insurer would raise premiums on bulk carriers and tankers by between "
            "7% and 12% at the next renewal round, and would stop writing new cover for some "
            "vessels older than 25 years.",
            "Harcourt reported a pretax loss of 58 million pounds ($69.8 million) for 2022, "
            "compared with a profit of 121 million pounds a year earlier. Net claims rose 34% to "
            "1.1 billion pounds.",
            "Analysts at Marlow Street Securities said the job cuts would save about 35 million "
            "pounds a year but warned that the pricing changes risked pushing some clients to "
            "rivals in Oslo and Singapore.",
            "The Prudential Regulation Authority, which oversees British insurers, said it was in "
            "regular contact with the company. It declined to comment further.",
        ),
        drop=(
            "Skip to main content",
            "Exclusive news, data and analytics for financial market professionals",
            "Reuters home",
            "By Tom Ashdown and Priya Khanna",
            "3 minute read",
            "A cargo ship sails past the port of Felixstowe",
            "REUTERS/Peter Nicholls/File Photo",
            "Register now for FREE unlimited access to Reuters.com",
            "The Reuters Daily Briefing newsletter provides all the news you need",
            "Sign up here.",
            "Read More",
            "Marine insurers face squeeze as storm season lengthens",
            "Rotterdam port volumes slip for third straight month",
            "Reporting by Tom Ashdown in London",
            "Editing by Mark Potter and Susan Fenton",
            "Our Standards: The Thomson Reuters Trust Principles.",
            "Acquire Licensing Rights",
        ),
        drop_lines=(
            "World",
            "Business",
            "Markets",
            "Sustainability",
            "Legal",
            "More",
            "My News",
            "Sign In",
            "Register",
        ),
    ),
    Case(
        # AP-like, one paragraph per line: upper-case byline, share widget one item per line,
        # ADVERTISEMENT, "___" rule, contributor line, coverage plug, copyright notice.
        # Trap: a body paragraph starting "By some estimates".
        name="wire_ap_style.txt",
        headline="Senate panel advances bipartisan bill to keep rural hospitals open",
        outlets=("The Associated Press", "Associated Press"),
        keep=(
            "A Senate committee on Wednesday advanced a bipartisan bill that would give "
            "struggling rural hospitals a new way to keep their emergency rooms open, a rare "
            "point of agreement in a Congress that has been deadlocked over health spending.",
            "The Finance Committee voted 21-6 to send the measure to the full Senate, where its "
            "sponsors say they have enough support to overcome a filibuster. No date has been set "
            "for a floor vote.",
            "By some estimates, more than 140 rural hospitals have closed since 2010, leaving "
            "patients in parts of the South and the Great Plains an hour or more from the nearest "
            "emergency room.",
            "The bill would let small hospitals that give up their inpatient beds keep receiving "
            "higher Medicare payments for emergency and outpatient care, provided they stay open "
            "around the clock.",
            "“If you have a heart attack in a town like mine, the golden hour is spent in the back "
            "of an ambulance,” said Sen. Maria Delgado, a New Mexico Democrat who wrote the bill "
            "with Sen. Tom Huckaby, R-Kan. “This keeps the lights on.”",
            "Huckaby said the measure would cost about $1.8 billion over 10 years and would be "
            "paid for by trimming what he called “duplicative” grant programs.",
            "Not everyone on the committee was persuaded. Sen. Charles Whitfield, R-Ind., said the "
            "bill rewarded hospitals for cutting services. “We are paying people to do less,” he "
            "said.",
            "Hospital groups welcomed the vote. The Rural Hospital Alliance said in a statement "
            "that the change “could be the difference between a town keeping its hospital and "
            "losing it.”",
        ),
        drop=(
            "By LAURA PENNINGTON",
            "Copy Link copied",
            "Pinterest",
            "Flipboard",
            "ADVERTISEMENT",
            "Associated Press writer Marcus Bell in Jackson, Mississippi, contributed to this "
            "report.",
            "Follow AP’s coverage of health care",
            "apnews.com/hub/health",
            "Copyright 2023 The Associated Press. All rights reserved.",
            "This material may not be published, broadcast, rewritten or redistributed",
        ),
        drop_lines=("Share", "Email", "Facebook", "X", "Reddit", "LinkedIn", "Print", "___"),
    ),
    Case(
        # Guardian-like: skip links, two nav lines and a section kicker before the headline,
        # standfirst, "Name in City" byline, BST timestamps, share lines, a caption with its
        # "Photograph: .../AFP/Getty Images" credit on the same line, reader-funding appeal,
        # "Topics" keyword list, "Reuse this content". Trap: "he told Reuters" in the body.
        name="guardian_style.txt",
        headline="EU ministers clash over cod quotas as Baltic stocks slump",
        outlets=("The Guardian", "Guardian"),
        keep=(
            "Nordic states push for a moratorium while Poland warns coastal towns will pay the "
            "price",
            "EU fisheries ministers failed to agree on emergency limits for Baltic cod on Saturday "
            "after a late-night meeting in Brussels exposed a deep split between Nordic countries "
            "and Poland over how to save one of Europe’s most depleted fish stocks.",
            "Sweden, Denmark and Finland, backed by Germany, called for a complete halt to "
            "commercial cod fishing in the eastern Baltic for at least two years, arguing that the "
            "scientific advice left no other option.",
            "Poland, whose fleet lands more Baltic cod than any other member state, said a ban "
            "would destroy hundreds of small family businesses and proposed instead a 60% cut in "
            "the catch.",
            "“We are not arguing about fish any more. We are arguing about whether there will be "
            "fish,” Sweden’s fisheries minister, Anna Lindqvist, told reporters as she left the "
            "meeting.",
            "Her Polish counterpart, Tomasz Zieliński, said Warsaw accepted that the stock was in "
            "trouble but that the burden had to be shared. “You cannot ask a fisherman in Hel to "
            "pay for forty years of bad decisions,” he told Reuters.",
            "Scientists advising the commission said last month that the eastern Baltic cod stock "
            "had fallen below the level at which it could reliably reproduce, and that many fish "
            "were now so thin they were unfit for sale.",
            "The European Commission can impose emergency measures for up to six months without "
            "the approval of member states, and officials said it was now likely to do so.",
            "“The commission will not stand by and watch the stock collapse,” a spokesperson said.",
            "Ministers are due to meet again in Luxembourg next month.",
        ),
        drop=(
            "Skip to main content",
            "News Opinion Sport Culture Lifestyle",
            "World Europe US Americas Asia Australia Middle East Africa",
            "Helena Varga in Brussels",
            "Sat 18 May 2019 14.05 BST",
            "Last modified on Sat 18 May 2019 16.40 BST",
            "Share on Facebook",
            "Share on Twitter",
            "Share via Email",
            "A trawler unloads its catch in the Polish port of Władysławowo.",
            "Fishermen say a ban would empty coastal towns.",
            "Photograph: Marek Nowicki/AFP/Getty Images",
            "Before you go",
            "Our Europe coverage is paid for by readers",
            "please consider supporting our journalism",
            "Support the Guardian",
            "Remind me in June",
            "Reuse this content",
        ),
        drop_lines=(
            "Fishing industry",
            "Topics",
            "European Union",
            "Fishing",
            "Poland",
            "Sweden",
            "Europe",
            "news",
        ),
    ),
    Case(
        # Al Jazeera-like, blank-line separated: one-word nav items, "News|Section" kicker,
        # "Published On", listen/share/save widgets, "Advertisement" between paragraphs, the
        # "Keep reading / list of 3 items / list 1 of 3 ... end of list" related block, and the
        # "Source:" footer. No-break spaces inside two body sentences.
        name="aljazeera_style.txt",
        headline="Qatar’s corals survive heat that kills reefs elsewhere, study finds",
        outlets=("Al Jazeera",),
        keep=(
            "Researchers say the Gulf’s hardy corals could hold clues to protecting reefs as the "
            "world’s oceans warm.",
            "Corals off the coast of Qatar are surviving water temperatures that would kill most "
            "reefs in the Indian and Pacific oceans, according to a study published on Wednesday.",
            # (the rest of this sentence contains no-break spaces; not asserted verbatim)
            "Scientists from the Gulf Marine Research Centre in Doha and two European institutes "
            "spent three summers monitoring 14 reef sites",
            "They found that several species of brain and table coral lost little of their colour "
            "even during the hottest spells, while comparable species on Australia’s Great "
            "Barrier Reef bleach at temperatures around 3C lower.",
            "“These corals have already lived through the future that other reefs are facing,” "
            "said Dr Mariam al-Kuwari, a marine biologist who led the research. “The question is "
            "what they know that other corals do not.”",
            "The team believes part of the answer lies in the algae that live inside coral tissue "
            "and supply it with energy. Samples from the Qatari reefs contained heat-tolerant "
            "strains that are rare elsewhere.",
            "Other scientists cautioned that the findings did not mean reefs could simply adapt to "
            "climate change. The Gulf’s corals took thousands of years to adjust, and even they "
            "have suffered mass die-offs during extreme heatwaves,",
            "The research centre said the team would now test whether heat-tolerant algae could "
            "be transplanted into corals from cooler waters.",
        ),
        drop=(
            "Skip links",
            "Skip to Content",
            "Show navigation menu",
            "Show Search",
            "News|Science and Technology",
            "Published On 12 Jan 2022",
            "Listen to this article",
            "Click here to share on social media",
            "share2",
            "Advertisement",
            "Keep reading",
            "list of 3 items",
            "list 1 of 3",
            "list 2 of 3",
            "list 3 of 3",
            "end of list",
            "Red Sea heatwave bleaches a third of Saudi reefs",
            "Can lab-grown coral save the Great Barrier Reef?",
            "Oman creates marine reserve off Musandam peninsula",
            "Source: Al Jazeera and news agencies",
        ),
        drop_lines=(
            "play",
            "Live",
            "News",
            "Middle East",
            "Explained",
            "Opinion",
            "Sport",
            "Video",
            "More",
            "Save",
        ),
    ),
    Case(
        # WordPress local blog with CRLF line endings: site title and tagline, one-item-per-line
        # menu, "Posted on ... by admin", [caption] and [embed] shortcodes, category/tag line,
        # Jetpack share/like widgets, "Related Posts:" headlines, the comment form, a newsletter
        # box and a theme footer. Trap: "told the Gazette" and a phone appeal in the body.
        name="wordpress_local_blog.txt",
        headline="Fire guts vacant hardware store on Main Street; no injuries reported",
        outlets=("Millbrook Gazette", "The Millbrook Gazette"),
        keep=(
            "A fire tore through the former Hollis Hardware building on Main Street late Thursday "
            "night, destroying the vacant store and forcing neighbors in two apartments next door "
            "to leave their homes for several hours.",
            "Nobody was hurt, according to Millbrook Fire Chief Dana Whitlock.",
            "Crews were called to the building at 11:48 p.m. after a passing driver reported "
            "flames coming from the roof. By the time the first engine arrived, the back half of "
            "the building was fully involved, Whitlock said.",
            '"It was an old building with a lot of old wood in it, and once it got into the attic '
            "there wasn't much we could do except keep it from spreading,\" Whitlock told the "
            "Gazette on Friday.",
            "Firefighters from Eastvale and Dorr Township were called in to help. Main Street was "
            "closed between Oak and Second streets until about 6 a.m.",
            "The building had been empty since Hollis Hardware closed in 2018 after 71 years in "
            "business. The village bought the property last year and had planned to put it up "
            "for sale this summer.",
            "The cause of the fire is under investigation. Whitlock said there was no sign that it "
            "was deliberately set, but the state fire marshal's office has been asked to assist.",
            "Anyone who saw anything unusual on Main Street on Thursday evening is asked to call "
            "the fire department at 555-0142.",
        ),
        drop=(
            "Skip to content",
            "Your hometown news since 1987",
            "Posted on June 4, 2021 by admin",
            '[caption id="attachment_412"',
            "Firefighters from Millbrook, Eastvale and Dorr Township spent more than four hours",
            "(Photo courtesy Millbrook Fire Department)",
            "[/caption]",
            "[embed]",
            "youtube.com/watch",
            "Posted in Local News",
            "Tagged fire, Main Street, Millbrook Fire Department",
            "Share this:",
            "Click to share on Facebook",
            "Click to share on Twitter",
            "Click to email a link to a friend",
            "Like Loading...",
            "Related Posts:",
            "Village buys former Hollis Hardware building",
            "Main Street facade grants now open for applications",
            "Millbrook firefighters train with new ladder truck",
            "Leave a Reply",
            "Your email address will not be published.",
            "Required fields are marked",
            "Save my name, email, and website in this browser",
            "Akismet",
            "Subscribe to our newsletter",
            "Get the week's top stories from Millbrook",
            "Copyright © 2021 Millbrook Gazette",
            "Theme: NewsUp by Themeansar",
        ),
        drop_lines=(
            "Millbrook Gazette",
            "Menu",
            "Home",
            "News",
            "Sports",
            "Obituaries",
            "Classifieds",
            "Contact Us",
            "Like this:",
            "Comment *",
            "Name *",
            "Email *",
            "Website",
            "Email Address",
            "Subscribe",
        ),
    ),
    Case(
        # Times of India-like, UTF-8 BOM, one paragraph per line: "TNN / Updated: ... IST",
        # share / text-size / follow widgets, "READ ALSO:" line, "Also Read" block of related
        # headlines, app-download prompt, comment prompt and social-media footer.
        name="toi_style.txt",
        headline="Yellow Line metro trials to start in February, says BMRCL",
        outlets=("The Times of India", "Times of India"),
        keep=(
            "Trial runs on the 19km Yellow Line of Namma Metro, between RV Road and Bommasandra, "
            "will start in the second week of February, Bangalore Metro Rail Corporation Limited "
            "(BMRCL) officials said on Wednesday.",
            "The line, which passes through the Electronics City tech hub, was originally due to "
            "open in 2021 but has been delayed by land acquisition disputes and a shortage of "
            "coaches.",
            "A senior BMRCL official said the first six-coach train had arrived at the Hebbagodi "
            'depot and was undergoing static tests. "Once the signalling work is certified, we '
            'will run trains without passengers for at least three months," he said.',
            "Commuters in Electronics City have waited years for the line. Nearly 2 lakh people "
            "travel to and from the area every day, most of them by bus or private vehicle along "
            "the congested Hosur Road.",
            '"Even if it opens by Diwali, it will save me an hour every day," said Kavya Shetty, a '
            "software engineer who lives in HSR Layout and works in Electronics City.",
            "The official said commercial operations would begin only after an inspection by the "
            "Commissioner of Metro Rail Safety, which usually takes four to six weeks.",
        ),
        drop=(
            "TNN / Updated: Jan 5, 2023, 10:42 IST",
            "Follow us",
            "READ ALSO:",
            "Bengaluru traffic police to install AI cameras at 50 more junctions",
            "Also Read",
            "BMRCL to raise parking fees at 12 stations from April",
            "Silk Board junction flyover to open by March end, says BBMP",
            "Download The Times of India News App for Latest India News",
            "Start a Conversation",
            "FOLLOW US ON SOCIAL MEDIA",
            "FacebookTwitterInstagramKOO APPYOUTUBE",
        ),
        drop_lines=("Share", "AA"),
    ),
    Case(
        # Substack-like: publication name and subscribe/sign-in before the headline, author,
        # date, like/comment counters, "Share", mid-post and end subscribe boxes, "Leave a
        # comment", restack counters, discussion stub and the platform footer.
        # Trap: a short crosshead ("What changes for you") inside the post.
        name="substack_newsletter.txt",
        headline="Why your local bank keeps changing its name",
        outlets=("The Ledger Line",),
        keep=(
            "Small lenders are merging at the fastest pace in a decade. Here’s what that means for "
            "the people who borrow from them.",
            "If you have opened a letter from your bank recently and found a new logo at the top, "
            "you are not alone. Last year 168 community banks in the United States agreed to "
            "combine with another lender, the highest number since 2014, and the pace has picked "
            "up again in the first two months of this year.",
            "The reasons are mostly boring, which is why they get so little attention. Compliance "
            "costs have risen, deposits have become more expensive to hold on to since interest "
            "rates went up, and a lot of small-town bank presidents are reaching retirement age "
            "with nobody obvious to take over.",
            "What changes for you",
            "In most mergers, very little changes for customers in the first year. Your account "
            "number usually stays the same, your debit card keeps working until a replacement "
            "arrives, and deposits remain insured up to the usual limit — although if you hold "
            "money at both merging banks, the combined balance now counts toward a single limit.",
            "That last point is the one I would check. A saver with $180,000 at one bank and "
            "$150,000 at the other may find that, after the merger, some of it is no longer "
            "covered.",
            "The bigger change tends to come later. Merged banks often close overlapping branches, "
            "and the loan officer who knew your business may be replaced by a credit model in a "
            "regional office.",
            "I asked readers last month whether they had noticed any of this, and more than 300 "
            "of you replied. The most common complaint was not fees or branches but phone calls: "
            "people who used to reach a named person now reach a call center.",
        ),
        drop=(
            "Sign in",
            "Thanks for reading The Ledger Line!",
            "Subscribe for free to receive new posts and support my work.",
            "Leave a comment",
            "42 Likes",
            "3 Restacks",
            "Discussion about this post",
            "Ready for more?",
            "© 2024 Priya Raman",
            "Privacy ∙ Terms ∙ Collection notice",
            "Start Writing",
            "Get the app",
            "Substack is the home for great culture",
        ),
        drop_lines=(
            "The Ledger Line",
            "Subscribe",
            "Priya Raman",
            "Mar 14, 2024",
            "42",
            "8",
            "Share",
            "·",
            "Comments",
            "Restacks",
        ),
    ),
    Case(
        # Defence trade magazine, one paragraph per line: ADVERTISEMENT before the headline and
        # between paragraphs, section nav, byline, "14th February 2024 - 10:30", two captions
        # ending "(Photo: ...)", "Tags:" line, share prompt, "You might also like" block of
        # headline + one-sentence blurb pairs, copyright and legal links.
        name="defence_trade_magazine.txt",
        headline="USAF begins flight trials of infrared search pod on F-35A",
        outlets=("Defence Procurement Weekly",),
        keep=(
            "The pod is designed to let the stealth fighter detect and track aircraft at long "
            "range without switching on its radar.",
            "The US Air Force has begun flight trials of a podded infrared search and track (IRST) "
            "sensor on the F-35A, as the service looks for ways to find enemy aircraft without "
            "giving away the fighter’s position.",
            "The first flight took place on 9 February from Edwards Air Force Base in California, "
            "according to a statement from the Air Force Test Center released on Tuesday.",
            "The pod, developed by Lockheed Martin under a contract awarded in 2022, carries a "
            "passive long-wave infrared sensor that can detect the heat of an aircraft’s engines "
            "and airframe. Because it emits no signals of its own, it is far harder for an "
            "adversary to detect than radar.",
            "The F-35 already has a built-in electro-optical targeting system, but officials have "
            "said it is optimised for striking targets on the ground rather than searching wide "
            "areas of sky.",
            "“Passive detection is going to matter more and more as adversary jammers and radar "
            "warning receivers improve,” said Lt Col Aaron Pike, commander of the test squadron.",
            "Around 40 test sorties are planned over the next six months. If they are successful, "
            "the air force expects to decide in 2025 whether to buy the pod for its operational "
            "fleet.",
            "The programme faces competition for funding. The air force’s budget request for "
            "fiscal 2025 trims spending on several F-35 upgrades as the service tries to pay for "
            "its next-generation fighter and new tanker aircraft.",
        ),
        drop=(
            "ADVERTISEMENT",
            "Cyber & Space",
            "By Tom Harding",
            "14th February 2024 - 10:30",
            "An F-35A assigned to the 461st Flight Test Squadron takes off",
            "(Photo: US Air Force)",
            "Lockheed Martin engineers prepare the IRST pod for a ground test",
            "(Photo: Lockheed Martin)",
            "Tags: F-35, Lockheed Martin, USAF",
            "Share this article",
            "You might also like",
            "Royal Navy orders three more uncrewed minehunters",
            "The contract, worth £180 million, includes options for two further vessels",
            "Poland signs for second batch of wheeled howitzers",
            "Warsaw has ordered 96 more systems, with deliveries due to begin in 2026.",
            "Australia picks local firm to build loitering munitions",
            "The selection follows a two-year competition",
            "© 2024 Defence Procurement Weekly. All rights reserved.",
            "Privacy Policy",
            "Cookie settings",
        ),
        drop_lines=("Home", "Air", "Land", "Sea", "Events", "Subscribe"),
    ),
    Case(
        # PR Newswire-like press release: site nav, "News provided by" + issuer, timestamp,
        # share prompt, "SOURCE ..." line, "View original content" link, related links and the
        # distributor's own sales pitch. The issuer's "About ..." boilerplate and media contact
        # are deliberately NOT asserted either way: whether they are article text is a policy
        # call for the cleaner's owner.
        name="press_release_prnewswire.txt",
        headline="Northwind Robotics to Open $120 Million Warehouse Automation Plant in Ohio",
        outlets=("PR Newswire", "PRNewswire"),
        keep=(
            "Facility near Columbus expected to create about 450 jobs by the end of 2025",
            "Northwind Robotics, Inc., a maker of autonomous mobile robots for warehouses and "
            "distribution centers, today announced plans to build a $120 million manufacturing "
            "plant in Licking County, Ohio.",
            "The 310,000-square-foot facility will assemble the company's Tern and Heron robot "
            "lines, which are currently built under contract in Mexico and Taiwan. Construction "
            "is scheduled to begin in the second quarter, with the first robots expected to ship "
            "from the plant in mid-2023.",
            '"Our customers have told us loud and clear that they want shorter lead times and a '
            'supplier that can service what it sells," said Elena Vasquez, chief executive officer '
            'of Northwind Robotics. "Bringing production to Ohio lets us do both."',
            "The company expects to employ about 450 people at the site by the end of 2025, "
            "including engineers, technicians and assembly workers. State economic development "
            "officials have approved tax incentives for the project, the company said.",
            "Northwind said it had shipped more than 6,000 robots since it was founded in 2016 and "
            "that orders rose 85% in 2021.",
        ),
        drop=(
            "Skip to main content",
            "Send a Release",
            "News in Focus",
            "Business & Money",
            "Science & Tech",
            "Lifestyle & Health",
            "Policy & Public Interest",
            "People & Culture",
            "News provided by",
            "Feb 09, 2022, 08:00 ET",
            "Share this article",
            "SOURCE Northwind Robotics, Inc.",
            "View original content to download multimedia",
            "prnewswire.com/news-releases",
            "Related Links",
            "WANT YOUR COMPANY'S NEWS FEATURED ON PRNEWSWIRE.COM?",
            "440k+ Newsrooms & Influencers",
            "9k+ Digital Media Outlets",
            "270k+ Journalists Opted In",
            "GET STARTED",
        ),
        drop_lines=("Northwind Robotics, Inc.", "http://www.northwindrobotics.example"),
    ),
    Case(
        # US metro daily (NYT-like) sports feature, blank-line separated: skip links, section,
        # "Advertisement / SKIP ADVERTISEMENT / Supported by", share prompt, "Image" label, a
        # caption glued to its "Credit..." line, byline, "Reporting from", date, author bio,
        # print-edition note (with a *different*, print date), "See more on:", site index.
        # Trap: a one-sentence quote paragraph at the end of the story.
        name="newspaper_longform_sport.txt",
        headline="A Last Summer at Halsey Field, Where the Outfield Wall Still Leans",
        outlets=("The Daily Courier", "Daily Courier"),
        keep=(
            "The Riverton Otters will move to a new stadium next spring. Their fans are saying "
            "goodbye to a ballpark that has outlived three owners and a flood.",
            "The left-field wall at Halsey Field has leaned toward the street since the flood of "
            "1972, when the river came over its banks and soaked the ground under the bleachers. "
            "Nobody ever fixed it. Over the years it became the thing people came to see.",
            "“You hit one off the lean, it could go anywhere,” said Walt Drummond, 81, who has "
            "held season tickets since 1964 and sits in the same seat behind the home dugout. "
            "“Kids from the other teams would stand there in batting practice and just stare at "
            "it.”",
            "This is the Otters’ last season at Halsey. In April they will move to a $64 million "
            "stadium by the river, paid for largely by the county, with a video board, a rooftop "
            "bar and, for the first time in the team’s history, enough parking.",
            "The club’s owner, Renée Castellano, said the move was about survival. New facility "
            "standards for minor-league parks, tightened two years ago, would have required "
            "millions of dollars of work at Halsey that the old park could not easily absorb.",
            "“I love this place as much as anyone,” she said. “But love doesn’t pass an "
            "inspection.”",
            "Attendance has risen every month this season as fans come back for a last look. On "
            "Tuesday, 3,912 people — more than the ballpark’s listed capacity — watched the "
            "Otters beat the Herons 6-4, with the winning runs scoring on a double that bounced "
            "off the leaning wall.",
            "The team has not decided what will happen to the wall. Castellano said she would "
            "like to save a section of it for the new stadium. Drummond has a simpler idea.",
            "“Leave it where it is,” he said. “It’s earned it.”",
        ),
        drop=(
            "Skip to content",
            "Today’s Paper",
            "Advertisement",
            "SKIP ADVERTISEMENT",
            "Supported by",
            "Share full article",
            "Fans watch from the bleachers during the Otters’ game",
            "Credit...Ana Ruiz for The Daily Courier",
            "By Sam Whitcombe",
            "Reporting from Riverton, Pa.",
            "Sam Whitcombe covers minor-league baseball and college sports",
            "More about Sam Whitcombe",
            "A version of this article appears in print on July 20, 2023",
            "Order Reprints",
            "See more on: Riverton Otters",
            "Site Index",
            "Site Information Navigation",
            "© 2023 The Daily Courier Company",
        ),
        drop_lines=("Sports", "Image", "July 19, 2023"),
    ),
)

# Plain articles: no furniture at all, so nothing may be removed and the body must be the
# input minus its headline line and blank lines.
PLAIN = {
    # Sport, blank-line separated, straight quotes, no dates or years anywhere.
    "plain_match_report.txt": "Late Okafor header earns Dunmore a point at Castlegate",
    # Business, one paragraph per line, curly quotes. Real content that looks like furniture:
    # "sign up ... customers", "Subscribers ...", "Shares in ...", "told Reuters", "More than
    # 200 people ...", a one-sentence quote paragraph, a "Sources close to ..." line, a short
    # crosshead, a list whose items are comma-separated place names, "Related to this, ...",
    # "Read more about the plan ...", "Updated figures ...", "By 2030, ...", "Advertising ...",
    # "Copyright lawyers ...".
    "plain_tricky_broadband.txt": (
        "Fibrelink to buy Dalesnet for £310m in push into rural broadband"
    ),
    # Local politics, blank-line separated, mixed straight and curly quotes, em dashes, a
    # headline that opens with a quotation mark, a one-sentence quote paragraph starting
    # "Listen", a crosshead, list items like "Kestrel House, 96 flats, built 1964", and lines
    # opening "Shared ownership", "A photograph", "Images", "Topics", "Sign-up sheets".
    "plain_tricky_council.txt": (
        "“We’re not going anywhere”: Eastfield tenants fight plan to demolish tower blocks"
    ),
}

# Publication dates a reader can read off the page: a dateline with day, month and year.
STATED_DATES = {
    "guardian_style.txt": dt.date(2019, 5, 18),
    "aljazeera_style.txt": dt.date(2022, 1, 12),
    "wordpress_local_blog.txt": dt.date(2021, 6, 4),
    "substack_newsletter.txt": dt.date(2024, 3, 14),
    "defence_trade_magazine.txt": dt.date(2024, 2, 14),
    "press_release_prnewswire.txt": dt.date(2022, 2, 9),
    # Web date July 19; the print-edition note says July 20 and must not win.
    "newspaper_longform_sport.txt": dt.date(2023, 7, 19),
}

# No dateline states a full date. Reuters: "LONDON, March 3 (Reuters)" has no year, and the
# only full date on the page is in a file-photo caption. AP: no date at all, only the
# copyright year. The plain articles mention dates and years in their prose, not a dateline.
NOT_STATED = (
    # The page only shows "Updated: Jan 5, 2023, 10:42 IST": when it was changed, not when
    # it was published (see test_updated_date_is_kept_apart).
    "toi_style.txt",
    "wire_reuters_style.txt",
    "wire_ap_style.txt",
    "plain_tricky_broadband.txt",
    "plain_tricky_council.txt",
)

ALL_NAMES = tuple(case.name for case in CASES) + tuple(PLAIN)
HEADLINES = {case.name: case.headline for case in CASES} | PLAIN


def _ids(name: str) -> str:
    return name.removesuffix(".txt")


def _flatten(field: str):
    return [
        pytest.param(case.name, text, id=f"{_ids(case.name)}-{i:02d}")
        for case in CASES
        for i, text in enumerate(getattr(case, field))
    ]


all_names = pytest.mark.parametrize("name", ALL_NAMES, ids=_ids)
outlet_cases = pytest.mark.parametrize("case", CASES, ids=lambda c: _ids(c.name))


# --- headline -------------------------------------------------------------------------


@all_names
def test_headline(name):
    assert parsed(name).headline == HEADLINES[name]


@all_names
def test_headline_is_taken_from_the_text_not_derived(name):
    assert parsed(name).headline_derived is False


@all_names
def test_headline_is_not_repeated_as_a_body_paragraph(name):
    article = parsed(name)
    assert article.headline not in paragraphs(article)


# --- keep -----------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "text"), _flatten("keep"))
def test_keeps_article_text(name, text):
    assert text in parsed(name).body_text, f"{name}: article text lost: {text!r}"


@outlet_cases
def test_article_text_keeps_its_order(case):
    body = parsed(case.name).body_text
    positions = [body.find(text) for text in case.keep]
    found = [p for p in positions if p >= 0]
    assert found == sorted(found)


# --- drop -----------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "phrase"), _flatten("drop"))
def test_drops_furniture(name, phrase):
    assert phrase not in parsed(name).body_text, f"{name}: furniture kept: {phrase!r}"


@pytest.mark.parametrize(("name", "line"), _flatten("drop_lines"))
def test_drops_short_furniture_lines(name, line):
    assert line not in paragraphs(parsed(name)), f"{name}: furniture line kept: {line!r}"


@pytest.mark.parametrize(("name", "phrase"), _flatten("drop"))
def test_dropped_furniture_is_recorded_in_removed(name, phrase):
    removed = [squash(r.text) for r in parsed(name).removed]
    assert any(phrase in text for text in removed), f"{name}: not in removed: {phrase!r}"


@pytest.mark.parametrize(("name", "line"), _flatten("drop_lines"))
def test_dropped_furniture_lines_are_recorded_in_removed(name, line):
    removed = [squash(r.text) for r in parsed(name).removed]
    assert line in removed, f"{name}: not in removed: {line!r}"


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
    assert "\ufeff" not in body
    for paragraph in paragraphs(article):
        assert paragraph, "empty paragraph"
        assert paragraph == paragraph.strip(), repr(paragraph)
        assert "\n" not in paragraph, repr(paragraph)


# --- outlet ---------------------------------------------------------------------------


@outlet_cases
def test_outlet(case):
    assert parsed(case.name).outlet in case.outlets


@pytest.mark.parametrize("name", tuple(PLAIN), ids=_ids)
def test_plain_article_names_no_outlet(name):
    # plain_tricky_broadband mentions Reuters in its prose; that is a source, not the publisher.
    assert parsed(name).outlet == "Unknown outlet"


# --- published date -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "date"),
    [pytest.param(name, date, id=_ids(name)) for name, date in STATED_DATES.items()],
)
def test_stated_published_date(name, date):
    published = parsed(name).published
    assert (published.value, published.precision, published.status) == (date, "day", "stated")


@pytest.mark.parametrize("name", NOT_STATED, ids=_ids)
def test_no_published_date_is_stated(name):
    assert parsed(name).published.status != "stated"


def test_updated_date_is_kept_apart():
    article = parsed("toi_style.txt")
    assert article.updated is not None
    assert (article.updated.value, article.updated.status) == (dt.date(2023, 1, 5), "stated")
    assert "Updated" in article.updated.reason
    assert article.published.value is None


def test_copyright_year_gives_at_most_a_year():
    # "Copyright 2023 The Associated Press" is the only date-like text on the AP page.
    published = parsed("wire_ap_style.txt").published
    assert published.precision in ("year", "none")
    assert published.value is None or published.value.year == 2023


def test_article_with_no_dates_is_undated():
    published = parsed("plain_match_report.txt").published
    assert (published.value, published.precision, published.status) == (None, "none", "undated")


# --- plain articles come out untouched -------------------------------------------------


def input_body(raw: bytes) -> str:
    """The input's non-blank lines after the headline, joined as body paragraphs."""
    lines = [line.strip() for line in raw.decode("utf-8").splitlines()]
    return "\n\n".join([line for line in lines if line][1:])


@pytest.mark.parametrize("name", tuple(PLAIN), ids=_ids)
def test_plain_article_removes_nothing(name):
    assert tuple(parsed(name).removed) == ()


@pytest.mark.parametrize("name", tuple(PLAIN), ids=_ids)
def test_plain_article_body_is_the_input_body(name):
    assert parsed(name).body_text == input_body(load(name))
