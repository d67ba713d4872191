"""Find, share, correct and reuse, checked on the built site: the search index's titles and readers' words,
link previews and titles, correction links, the 404 page and its map of moved addresses."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load

from sitegen import addresses as at
from sitegen.build import Publishing
from sitegen.corrections import FORGEJO, FORM, GITHUB, GITLAB, Corrections, host_of
from sitegen.model import Place, Site
from sitegen.notfound import moved
from sitegen.publishing import SettingError
from sitegen.search import BODY, FIELD, OPENING, enrich, opening, readers_words, section_keywords, shorten
from support.project import BUILD_ENV, CONFIG, ROOT, build_command, copy_project

SEARCH_INDEX = "search/search_index.json"
OPEN_GRAPH = ("og:type", "og:site_name", "og:title", "og:description", "og:url", "og:image")
TWITTER = ("twitter:card", "twitter:title", "twitter:description", "twitter:image")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def pages(site: Path) -> list[Path]:
    """Every page of the built site, the 404 page included; redirects of renamed aspects are not pages."""
    return [path for path in sorted(site.rglob("*.html")) if "http-equiv" not in path.read_text(encoding="utf-8")]


def config() -> dict[str, object]:
    return yaml_load(CONFIG.read_text(encoding="utf-8"))


# -- search ------------------------------------------------------------------------------------------------


def index_of(site: Path) -> dict[str, dict[str, str]]:
    docs = json.loads((site / SEARCH_INDEX).read_text(encoding="utf-8"))["docs"]
    return {doc["location"]: doc for doc in docs}


def test_no_search_entry_is_titled_by_a_bare_tool_name(built_site: Path, real_site: Site) -> None:
    names = {tool.name for tool in real_site.tools}
    titles = [doc["title"] for doc in index_of(built_site).values()]
    assert not [title for title in titles if title in names]
    for aspect in real_site.aspects:
        for point in aspect.points:
            location = at.url_of(at.address(at.aspect_page(aspect.id), point.id))
            assert index_of(built_site)[location]["title"] == point.title


def test_readers_words_reach_the_index_in_their_own_field(built_site: Path, real_site: Site) -> None:
    index = index_of(built_site)
    keywords = section_keywords(real_site)
    assert keywords, "the data has no keywords"
    for location, words in keywords.items():
        assert set(words) <= set(index[location][FIELD].split(" ") + [w for w in words if " " in w]), location
    for reader_word, site_words in real_site.search.synonyms.items():
        holders = [doc for doc in index.values() if reader_word in doc.get(FIELD, "")]
        assert holders, f"synonym {reader_word!r} ({site_words}) reaches no section: the site uses none of its words"


def test_the_search_plugin_reads_the_keywords_field() -> None:
    search = next(p["search"] for p in config()["plugins"] if isinstance(p, dict) and "search" in p)  # type: ignore[attr-defined]
    assert FIELD in search["fields"]


def test_keywords_never_show_on_a_page(built_site: Path, real_site: Site) -> None:
    own = {word for words in section_keywords(real_site).values() for word in words}
    shown = " ".join(soup(path).get_text(" ").lower() for path in pages(built_site))
    # Readers' words that the pages do not use (that is their point) stay out of every page's text.
    unused = {word for word in own if word.lower() not in shown}
    assert len(unused) > len(own) / 2, "most keywords should be words the pages do not use"


INDEX = {"config": {"separator": r"[\s\-]+"}, "docs": []}


def entry(location: str, title: str, text: str) -> dict[str, str]:
    return {"location": location, "title": title, "text": text}


def test_enrich_adds_keywords_and_synonyms_by_the_start_of_words() -> None:
    docs = [entry("a/#x", "Phones", "<p>Runs on <code>Android</code> handsets.</p>"), entry("b/", "Licence", "free")]
    index = {**INDEX, "docs": docs}
    synonyms = {"mobile": ["phone"], "cost": ["free", "price"], "vision": ["image recognition"], "tpu": ["tpus"]}
    enriched = enrich(index, {"a/#x": ["Smartphone app"]}, synonyms)["docs"]
    assert enriched[0][FIELD] == "smartphone app mobile"  # "phone" starts "phones"; keywords lowered
    assert enriched[1][FIELD] == "cost"
    plain = enrich({**INDEX, "docs": [entry("c/", "Images", "image classification")]}, {}, synonyms)["docs"][0]
    assert FIELD not in plain, "'image recognition' is a phrase: 'image classification' does not hold it"
    phrase = enrich({**INDEX, "docs": [entry("d/", "x", "image-recognition models")]}, {}, synonyms)["docs"][0]
    assert phrase[FIELD] == "vision"
    assert enrich(index, {}, {})["docs"] == docs, "nothing to add: the entries stay as they were"


def test_markup_and_backticks_in_readers_words_cost_no_other_word() -> None:
    # The search's tokenizer drops whatever stands between a < and a >: in the index they are references,
    # which the separator reads as word breaks. A reader types no backticks.
    index = {"config": {"separator": r"[\s\-]+|&[lg]t;"}, "docs": [entry("a/", "x", "y")]}
    field = enrich(index, {"a/": ["x < y", "zebrafish", "z > w", "`platypus`", "R&D"]}, {})["docs"][0][FIELD]
    assert field == "x &lt; y zebrafish z &gt; w platypus r&amp;d"


def test_a_separator_python_cannot_read_is_a_setting_error() -> None:
    with pytest.raises(SettingError, match=r"plugins\.search\.separator"):
        enrich({"config": {"separator": r"[\s]+|(?<x>y)"}, "docs": []}, {}, {})


def test_enrich_ignores_a_site_word_of_separators_only() -> None:
    index = {**INDEX, "docs": [entry("a/", "x", "y")]}
    assert FIELD not in enrich(index, {}, {"junk": ["-", " "]})["docs"][0]


def test_a_result_shows_its_sections_opening_and_the_search_reads_all_of_it() -> None:
    first = "Keras is an API. " * 8  # 136 characters: the opening, whole
    rest = "more " * 30
    text = f"<p>{first.strip()}</p> <p>Keras</p> <ul><li><code>tf</code>.keras &lt;b&gt; {rest}</li></ul>"
    index = {"config": {"separator": "x", "fields": {"title": {"boost": 1000}, "text": {"boost": 2.0}}}}
    short = shorten({**index, "docs": [entry("a/#x", "T", text), entry("b/", "U", "<p>Short.</p>")]})
    assert short["config"]["fields"] == {"title": {"boost": 1000}, BODY: {"boost": 2.0}}, "text is shown, not read"
    assert [doc["text"] for doc in short["docs"]] == [f"<p>{first.strip()}</p>", "<p>Short.</p>"]
    assert short["docs"][0][BODY] == f"{first.strip()} Keras tf .keras &lt;b&gt; {rest.strip()}", "every word"
    # A first block of a sentence or more is the opening; a shorter one runs on into the next ones; a long
    # text is cut at a space, never in a reference.
    assert opening("<p>" + "A full sentence, " * 4 + "</p><p>More.</p>") == ("A full sentence, " * 4).strip()
    assert opening("<p>Yes.</p><p>" + "word " * 100 + "</p>") == ("Yes. " + "word " * 47).rstrip() + "…"
    assert len(opening("<p>" + "a " * 500 + "</p>")) <= OPENING + 1
    assert opening("&lt;" * 100) == "&lt;" * 60 + "…"
    assert opening("x" * 300) == "x" * OPENING + "…"
    assert opening("x" * 238 + "&amp;" + "y" * 10) == "x" * 238 + "…"
    assert opening("<p>Edge: Even</p>") == "Edge: Even"
    assert opening("") == ""
    assert "<" not in opening("<p>a <em>b</em></p><table><tr><td>c</td></tr></table>")


def test_every_result_in_the_built_index_is_a_heading_and_an_opening(built_site: Path) -> None:
    index = json.loads((built_site / SEARCH_INDEX).read_text(encoding="utf-8"))
    assert "text" not in index["config"]["fields"] and BODY in index["config"]["fields"]
    for doc in index["docs"]:
        shown = doc["text"].removeprefix("<p>").removesuffix("</p>")
        assert len(shown) <= OPENING + 1 and "<" not in shown, doc["location"]
        assert doc["title"], f"{doc['location']}: a result without a heading"
    home = next(doc for doc in index["docs"] if doc["location"] == "")
    assert "If you are building a phone app" in home[BODY] and "phone app" not in home["text"]


def test_readers_words_for_the_faq_filter_are_the_searchs() -> None:
    synonyms = {"mobile": ["phone"], "cost": ["price"], "c++": ["cpp"]}
    assert readers_words("Runs on phones.", ["Dead", "abandoned"], synonyms) == ["Dead", "abandoned", "mobile"]
    assert readers_words("What are the prices?", [], synonyms) == ["cost"]
    assert readers_words("A microphone.", [], synonyms) == [], "a site word matches the start of a word only"
    assert readers_words("Use cpp.", [], synonyms) == ["c++"]


# -- titles and link previews ----------------------------------------------------------------------------


def test_every_page_has_a_preview_and_a_title_that_names_the_site_once(built_site: Path) -> None:
    name = str(config()["site_name"])
    titles = {}
    for path in pages(built_site):
        page = soup(path)
        where = path.relative_to(built_site).as_posix()
        title = page.title.get_text()
        assert title.count(name) == 1, f"{where}: <title>{title}</title>"
        titles[where] = title
        properties = {m.get("property") or m.get("name"): m.get("content", "") for m in page.find_all("meta")}
        for key in (*OPEN_GRAPH, *TWITTER):
            assert properties.get(key, "").strip(), f"{where} has no {key}"
        assert urlsplit(properties["og:image"]).scheme in ("http", "https"), "a preview image needs an absolute URL"
        image = urlsplit(properties["og:image"]).path.removeprefix(urlsplit(str(config()["site_url"])).path)
        assert (built_site / image).is_file(), f"{where}: og:image {image} is not in the site"
        canonical = page.find("link", rel="canonical")
        if canonical is not None:
            assert properties["og:url"] == canonical["href"], where
    assert titles["index.html"] == name
    assert len(set(titles.values())) == len(titles), "two pages share a title"


# -- corrections -------------------------------------------------------------------------------------------


def test_every_point_and_answer_links_to_its_correction_and_its_data_file(built_site: Path, real_site: Site) -> None:
    repo = str(config()["repo_url"]).rstrip("/")
    faq = soup(built_site / "faq" / "index.html")
    sections: list[tuple[str, BeautifulSoup, str, int]] = []
    for question in real_site.questions:
        block = faq.find(id=question.id).find_parent(class_=at.Css.QUESTION)
        place = real_site.places[at.address(at.FAQ_PAGE, question.id)]
        sections.append((at.url_of(at.address(at.FAQ_PAGE, question.id)), block, place.file, place.line))
    for aspect in real_site.aspects:
        page = soup(built_site / "aspects" / aspect.id / "index.html")
        for point in aspect.points:
            heading = page.find(id=point.id)
            meta = heading.find_next(class_=at.Css.META)
            place = real_site.places[at.address(at.aspect_page(aspect.id), point.id)]
            sections.append((at.url_of(at.address(at.aspect_page(aspect.id), point.id)), meta, place.file, place.line))
    for url, block, file, line in sections:
        links = {a.get_text(): a["href"] for a in block.find_all("a")}
        issue, source = links["Suggest a correction"], links["Edit"]
        assert issue.startswith(f"{repo}/issues/new?"), url
        fields = parse_qs(urlsplit(issue).query)
        assert fields["template"] == [FORM], issue
        assert fields["address"][0].endswith(url) and fields["file"] == [f"{file}, line {line}"], issue
        assert source == f"{repo}/blob/main/{file}#L{line}"
        text = (ROOT / file).read_text(encoding="utf-8").splitlines()[line - 1]
        assert text.strip().startswith(("- id:", "question:")), f"{file}:{line} is not where the section starts"


def test_correction_links_follow_the_code_host() -> None:
    place = Place("data/faq/x.yml", 7)
    assert host_of("https://github.com/o/r") is GITHUB
    assert host_of("https://gitlab.example.org/o/r") is GITLAB
    assert host_of("https://codeberg.org/o/r") is FORGEJO
    lab = Corrections.configure("https://gitlab.com/o/r/", "-/edit/trunk/docs/", "https://site.example/")
    assert lab is not None and lab.branch == "trunk"
    assert lab.file_at(place) == "https://gitlab.com/o/r/-/blob/trunk/data/faq/x.yml#L7"
    issue = urlsplit(lab.issue("Is it free? & more", "faq/#x", place))
    assert parse_qs(issue.query)["issue[title]"] == ["Correction: Is it free? & more"]
    assert "https://site.example/faq/#x" in parse_qs(issue.query)["issue[description]"][0]
    forge = Corrections.configure("https://codeberg.org/o/r", None, None)
    assert forge is not None and forge.file_at(place) == "https://codeberg.org/o/r/src/branch/main/data/faq/x.yml#L7"
    assert Corrections.configure(None, None, None) is None
    mirror = Corrections.configure("https://github.com/o/r.git/", "edit/release/1.x/docs/", None)
    assert mirror is not None and mirror.file_at(place) == "https://github.com/o/r/blob/release/1.x/data/faq/x.yml#L7"
    encoded = Corrections.configure("https://github.com/o/r", "edit/feature%2Fx/docs/", None)
    assert encoded is not None and encoded.branch == "feature/x"


@pytest.mark.parametrize(
    "address",
    [
        "javascript://x.example/%0aalert(1)",
        'https://github.com/o/r"onx="1',
        "https://github.com/o/r?x=1",
        "https://github.com/o/r#frag",
        "https://git hub.com/o/r",
        "ftp://example.org/r",
    ],
)
def test_an_address_pages_cannot_hold_is_refused_with_its_setting(address: str) -> None:
    with pytest.raises(SettingError, match=r"mkdocs\.yml: repo_url: .* not an http"):
        Publishing.configure(None, address, None, "docs")
    with pytest.raises(SettingError, match=r"mkdocs\.yml: site_url: "):
        Publishing.configure(address.replace("github.com/o/r", "x.example/"), None, None, "docs")


def test_a_hostile_repository_address_stops_the_build_with_its_setting(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    result = subprocess.run(
        build_command(project / "mkdocs.yml", tmp_path / "site"),
        capture_output=True,
        text=True,
        env={**BUILD_ENV, "REPO_URL": "javascript://x.example/%0aalert(1)"},
        cwd=project,
    )
    assert result.returncode != 0
    assert "mkdocs.yml: repo_url: 'javascript://x.example/%0aalert(1)' is not an http(s) address" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_hostile_title_stays_inside_the_issue_address() -> None:
    fix = Corrections.configure("https://github.com/o/r", "edit/main/docs/", "https://s.example/")
    assert fix is not None
    issue = fix.issue('Title" onmouseover="x <b>&amp;#', "faq/#q", Place("data/faq/q.yml", 3))
    assert not set(urlsplit(issue).query) & set("\"<> #'"), issue
    assert unquote(parse_qs(urlsplit(issue).query)["title"][0]).startswith('Correction: Title" onmouseover')
    forge = Corrections.configure("https://codeberg.org/o/r", None, "https://s.example/")
    assert forge is not None
    issue = forge.issue("x", 'faq/#q"><script>', Place("data/faq/q&x=1.yml", 3))
    query = parse_qs(urlsplit(issue).query)
    assert set(query) == {"title", "body"} and 'faq/#q"><script>' in query["body"][0], issue


# -- the 404 page -----------------------------------------------------------------------------------------


def test_the_404_page_offers_search_and_the_main_pages(built_site: Path, real_site: Site) -> None:
    page = soup(built_site / "404.html")
    form = page.select_one("article form[role=search]")
    assert form is not None and form.find("input", attrs={"name": "q"}) is not None
    header_box = page.select_one("header input.md-search__input")
    assert header_box is not None and header_box["placeholder"], "the theme's own search box has a placeholder"
    assert form.find("input")["placeholder"] == header_box["placeholder"], "the 404 box reads as the theme's"
    links = [a["href"] for a in page.select("article ul a")]
    guide = at.url_of(at.aspect_page(real_site.decision.guide))
    assert links == ["/", f"/{guide}", f"/{at.url_of(at.SUMMARY_PAGE)}", f"/{at.url_of(at.FAQ_PAGE)}"]
    assert page.find("h1").get_text() == "Page not found"


def test_moved_addresses_lead_to_pages_that_exist(built_site: Path, real_site: Site) -> None:
    table = json.loads((built_site / at.MOVED_FILE).read_text(encoding="utf-8"))
    assert moved(real_site).items() <= table.items(), "the build publishes the generator's table"
    assert {"about/", "contributing/"} <= set(table), "and the hand-written pages"
    ids: dict[Path, set[str]] = {}  # each page parsed once
    for key, target in table.items():
        assert key == key.lower() and key.endswith("/"), key
        page, _, anchor = target.partition("#")
        html = built_site / page / "index.html"
        assert html.is_file(), f"{key} -> {target}: no such page"
        if html not in ids:
            ids[html] = {tag["id"] for tag in soup(html).find_all(id=True)}
        assert not anchor or anchor in ids[html], f"{key} -> {target}: no such section"
    renamed = next(a for a in real_site.aspects if a.aliases)
    assert table[f"aspects/{renamed.aliases[0]}/"] == f"aspects/{renamed.id}/"
    point = real_site.aspects[1].points[0]
    assert table[f"aspects/{real_site.aspects[1].id}/{point.id}/"] == f"aspects/{real_site.aspects[1].id}/#{point.id}"


@pytest.mark.parametrize("name", ["comparison.json", "summary.csv"])
def test_the_about_page_links_the_exports(built_site: Path, name: str) -> None:
    links = [a["href"] for a in soup(built_site / "about" / "index.html").find_all("a", href=True)]
    assert any(link.endswith(f"export/{name}") for link in links)


def test_the_faq_index_stays_out_of_the_search(built_site: Path, real_site: Site) -> None:
    page_entry = index_of(built_site)[at.url_of(at.FAQ_PAGE)]
    listed = [q.question for q in real_site.questions if q.question in page_entry["text"]]
    assert not listed, f"the FAQ page's own entry repeats {len(listed)} questions, which then compete with theirs"


def test_make_check_reads_the_addresses_as_the_build_does(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITE_URL", "https://docs.example.org/kvt/")
    publishing = Publishing.read(CONFIG)
    assert publishing.site_url == "https://docs.example.org/kvt/"
    assert publishing.corrections is not None and publishing.corrections.repo == config()["repo_url"]
    monkeypatch.setenv("REPO_URL", "javascript:alert(1)")
    with pytest.raises(SettingError, match="repo_url"):
        Publishing.read(CONFIG)
