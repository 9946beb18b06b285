#!/usr/bin/env python3
"""Clean seed 001 (the text of "Sundhedsaftalen 2024-2027", extracted from its
PDF with layout noise) into Markdown with the document's real structure, in the
heading-annotation syntax of domain/agreements/markdown_import.h:

    # Visioner {#kap-2 kind=chapter}
    ## Sammenhæng og tryghed {#vision-1 kind=vision}

Output: tests/fixtures/agreement-2024-2027.md (committed; regenerate with
    python3 scripts/seed_to_markdown.py -o tests/fixtures/agreement-2024-2027.md).
Python 3 standard library only.

Two parts:
  * generic cleaning of extracted PDF text: words hyphenated at line ends are
    joined ("pri-" + "mært" -> "primært", but "social-" + "og" stays), lines
    become paragraphs, paragraphs split by a column or page break are joined
    again (no sentence end + a lowercase start), bullets become "- " items,
    "fi"/"fl" ligatures extracted with a stray space are repaired
    ("fl ere" -> "flere"), headings set in capitals get sentence case;
  * a layout map for this one seed: which lines (found by their text, never by
    number) hold which section. The PDF puts chapter titles after their text,
    splits a vision across a text box, and lists each objective's indicators
    in an overview table in chapter 5; the map puts each piece where it
    belongs: the indicators under their objectives in chapter 3.
Figures that carry no text of their own (the organisation chart, the overview
chart's repetition of the visions) are left out.
"""

import argparse
import re
import sys

DEFAULT_SEED = "/work/shared/seeds/001_004ec1f9d40f7da2.txt"

# Fragments that follow a "fi"/"fl" ligature extracted as "fi "/"fl ".
LIGATURE_TAILS = ("ere", "sk", "cere", "ceret", "eksibelt", "eksibel", "eksible")
# Words split by the extraction itself (not by a line end).
SPLIT_WORDS = (("samlede for løb", "samlede forløb"), ("patient - forløb", "patientforløb"))
BULLET = "\u2022"


# ---------------------------------------------------------------- cleaning


def fix_text(s):
    s = re.sub(r"\b(\w*f[il]) (%s)\b" % "|".join(LIGATURE_TAILS), r"\1\2", s)
    for bad, good in SPLIT_WORDS:
        s = s.replace(bad, good)
    s = re.sub(r"\bwww\. (?=\w)", "www.", s)  # an address broken after "www."
    return re.sub(r"[ \t]+", " ", s).strip()


def join_lines(lines):
    """Joins the lines of one block into one line, undoing end-of-line hyphens."""
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
        elif (out.endswith("-") and len(out) > 1 and out[-2].isalpha()
              and line[0].islower() and not re.match(r"(og|eller|samt)\b", line)):
            out = out[:-1] + line
        elif out.endswith("/"):
            out += line  # "nyere/" + "bedre"
        else:
            out += " " + line
    return fix_text(out)


def blocks(lines):
    """Splits lines into blocks at blank lines."""
    out, cur = [], []
    for line in lines:
        if line.strip():
            cur.append(line)
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def paragraphs(lines):
    """Markdown paragraphs and bullet items from extracted lines."""
    items = []  # (is_bullet, text)
    for block in blocks(lines):
        # A bullet starts a new item even inside a block.
        groups = []
        for line in block:
            if line.strip().startswith(BULLET) or not groups:
                groups.append([line])
            else:
                groups[-1].append(line)
        for g in groups:
            text = join_lines(g)
            bullet = text.startswith(BULLET)
            if bullet:
                text = text[1:].strip()
            if (items and not bullet and not items[-1][0] and text[:1].islower()
                    and not re.search(r"[.:!?]$", items[-1][1])):
                items[-1] = (False, join_lines([items[-1][1], text]))  # a column break
            else:
                items.append((bullet, text))
    out = ""
    for i, (bullet, text) in enumerate(items):
        if i:
            out += "\n" if bullet and items[i - 1][0] else "\n\n"
        out += ("- " + text) if bullet else text
    return out


def sentence_case(text):
    text = fix_text(text)
    return text[:1].upper() + text[1:].lower() if text.isupper() else text


def statement(text):
    """An objective: the sentence without "Målsætning:" and its final period."""
    text = re.sub(r"^Målsætning:\s*", "", join_lines([text]))
    return text.rstrip(".").strip()


def line_items(lines):
    """Table cells: a line starting with a capital starts an item; others continue it."""
    items = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if items and not line[0].isupper():
            items[-1] = join_lines([items[-1], line])
        else:
            items.append(fix_text(line))
    return items


# ---------------------------------------------------------------- the seed


class Seed:
    def __init__(self, text):
        self.lines = text.split("\n")

    def find(self, anchor, start=0):
        """Index of the first line at or after start whose stripped text starts with anchor."""
        for i in range(start, len(self.lines)):
            if self.lines[i].strip().startswith(anchor):
                return i
        raise SystemExit("seed_to_markdown: anchor not found: %r" % anchor)

    def span(self, first, stop, start=0):
        """Lines from the line starting with `first` up to (excluding) the one starting with `stop`."""
        a = self.find(first, start)
        return self.lines[a:self.find(stop, a + 1)]

    def heading(self, first, stop, start=0):
        return sentence_case(join_lines(self.span(first, stop, start)))


def section(level, heading, sid, kind, body=""):
    out = "%s %s {#%s kind=%s}\n\n" % ("#" * level, heading, sid, kind)
    return out + (body + "\n\n" if body else "")


def signature(lines):
    """A signature block: the name in bold, a hard line break, the titles."""
    name, rest = lines[0].strip(), join_lines(lines[1:])
    return "**%s**\\\n%s" % (name, rest)


def convert(text):
    s = Seed(text)
    md = []
    md.append("<!-- Sundhedsaftalen 2024-2027 (Region Midtjylland, its 19 municipalities and\n"
              "     general practice), consultation version: generated from seed 001 by\n"
              "     scripts/seed_to_markdown.py. Title: \"Sundhedsaftalen 2024-2027\"; subtitle:\n"
              "     \"Nærhed, tilgængelighed og sammenhæng for borgeren – et sundhedsvæsen i\n"
              "     balance\". The first section (the inside cover) has no heading in the PDF;\n"
              "     \"Om sundhedsaftalen\" is editorial. Figures without text of their own are\n"
              "     left out. -->\n\n")

    md.append(section(1, "Om sundhedsaftalen", "om-aftalen", "text",
                      paragraphs(s.span("Sundhedsaftalen træder i kraft", "Alle borgere skal"))))

    # 1. Forord: text, then three signature blocks.
    fore = blocks(s.span("Alle borgere skal", "Forord1."))
    body = paragraphs([l for b in fore[:-3] for l in b + [""]])
    body += "\n\n" + "\n\n".join(signature(b) for b in fore[-3:])
    md.append(section(1, "Forord", "kap-1", "chapter", body))

    # 2. Visioner. The chapter's lead-in box sits inside vision 2's text.
    md.append(section(1, "Visioner", "kap-2", "chapter",
                      paragraphs(s.span("Alle skal opleve et sundhedsvæsen", "kan give udtryk"))))
    v2 = s.span("Vi støtter borgeren", "Alle skal opleve et sundhedsvæsen") + \
        s.span("kan give udtryk", "ET NÆRT OG")
    visions = [
        (s.heading("SAMMENHÆNG OG", "Vi arbejder for"), s.span("Vi arbejder for", "PÅ BORGERENS")),
        (s.heading("PÅ BORGERENS", "Vi støtter borgeren"), v2),
        (s.heading("ET NÆRT OG", "Der er meget livskvalitet"),
         s.span("Der er meget livskvalitet", "ET SUNDHEDSVÆSEN I")),
        (s.heading("ET SUNDHEDSVÆSEN I", "Vi er optaget af"),
         s.span("Vi er optaget af", "Vi prioriterer at samle kræfterne")),
    ]
    for n, (heading, lines) in enumerate(visions, 1):
        md.append(section(2, heading, "vision-%d" % n, "vision", paragraphs(lines)))

    # 3. Indsatsområder og fælles målsætninger; indicators come from the table in chapter 5.
    table = s.find("MÅLSÆTNINGER OG UNDERLIGGENDE")
    ind = {
        "1-1": line_items(s.span("Andel unge med god trivsel", "Vi vil forbedre sundheden", table)),
        "1-2": line_items(s.span("Antal kontakter til psykiatrien (evt", "Borgere med", table)),
        "2-1": line_items(s.span("Antal akutte indlæggelser blandt borgere med kroniske", "Velfærdsteknolo-", table)),
        "3-1": line_items(s.span("Antal virtuelle kontakter", "Vi vil sikre sammenhæng", table)),
        "3-2": [],  # the seed's table lists no indicator for this objective
    }
    md.append(section(1, "Indsatsområder og fælles målsætninger", "kap-3", "chapter",
                      paragraphs(s.span("Vi prioriterer at samle kræfterne", "3.",
                                        s.find("Vi er optaget af")))))
    fa3 = s.find("3.")

    def objective(key, lines):
        md.append(section(4, statement(join_lines(lines)), "obj-" + key, "objective"))
        for n, item in enumerate(ind[key], 1):
            md.append(section(5, item, "ind-%s-%d" % (key, n), "indicator"))

    md.append(section(2, s.heading("PSYKIATRI OG TRIVSEL", "Vi prioriterer udvikling", fa3), "fa-1",
                      "focus_area", paragraphs(s.span("Vi prioriterer udvikling", "Børn og unges trivsel"))))
    md.append(section(3, s.heading("Børn og unges trivsel", "Alt for mange"), "fa-1-1", "text",
                      paragraphs(s.span("Alt for mange", "Målsætning: Vi vil forbedre den menta"))))
    objective("1-1", s.span("Målsætning: Vi vil forbedre den menta", "Mennesker med svær"))
    md.append(section(3, s.heading("Mennesker med svær", "Borgere, der bliver ramt"), "fa-1-2", "text",
                      paragraphs(s.span("Borgere, der bliver ramt", "Målsætning: Vi vil forbedre sundheden"))))
    objective("1-2", s.span("Målsætning: Vi vil forbedre sundheden", "SAMMENHÆNG FOR"))

    md.append(section(2, s.heading("SAMMENHÆNG FOR", "Vi prioriterer sammenhæng"), "fa-2", "focus_area",
                      paragraphs(s.span("Vi prioriterer sammenhæng", "Indsatsområder og", fa3 + 3))))
    md.append(section(3, s.heading("Fokus på de borgere", "Borgere med et komplekst"), "fa-2-1", "text",
                      paragraphs(s.span("Borgere med et komplekst", "Målsætning: Vi vil styrke"))))
    objective("2-1", s.span("Målsætning: Vi vil styrke", "VELFÆRDSTEKNOLOGI,"))

    md.append(section(2, s.heading("VELFÆRDSTEKNOLOGI,", "Vi prioriterer fokus"), "fa-3", "focus_area",
                      paragraphs(s.span("Vi prioriterer fokus", "Fokus på hjemmemonitorering"))))
    md.append(section(3, s.heading("Fokus på hjemmemonitorering", "Der er både faglige"), "fa-3-1", "text",
                      paragraphs(s.span("Der er både faglige", "Målsætning:", fa3))))
    goals = s.find("Målsætning:", s.find("Der er både faglige"))
    objective("3-1", s.span("Vi vil sikre lettere", "Vi vil sikre sammenhæng", goals))
    objective("3-2", s.span("Vi vil sikre sammenhæng", "4.", goals))

    # 4. Bærende principper for samarbejdet: five principles, the title and lead-in after them.
    md.append(section(1, s.heading("Bærende principper", "I arbejdet med at omsætte"), "kap-4", "chapter",
                      paragraphs(s.span("I arbejdet med at omsætte", "5."))))
    principles = [("SAMMEN MED BORGERNE", "FÆLLES TIDLIGERE"), ("FÆLLES TIDLIGERE", "KVALITET HELE"),
                  ("KVALITET HELE", "VIRTUELT HVOR"), ("VIRTUELT HVOR", "ØKONOMISK KLARHED"),
                  ("ØKONOMISK KLARHED", "Bærende principper")]
    for n, (first, stop) in enumerate(principles, 1):
        lines = s.span(first, stop)
        head = 2 if lines[0].strip().endswith("OG") else 1  # "ØKONOMISK KLARHED OG / FAIR BALANCE"
        md.append(section(2, sentence_case(join_lines(lines[:head])), "principle-%d" % n, "principle",
                          paragraphs(lines[head:])))

    # 5. Nationale mål og lokale målsætninger.
    md.append(section(1, s.heading("Nationale mål og", "11Sundhedsaftalen"), "kap-5", "chapter",
                      paragraphs(s.span("De otte nationale mål", "Nationale mål og"))))
    chart = blocks(s.span("Bedre", "6.", s.find("Daglige rygere")))
    groups = [[0, 1], [2], [3], [4, 5], [6, 7], [8, 9], [10], [11, 12]]  # blocks of each goal
    national = [join_lines([l for i in g for l in chart[i]]) for g in groups]
    lead = join_lines(s.span("Bedre kvalitet, sammenhæng og geografisk", "VISIONER I"))
    md.append(section(2, "De otte nationale mål", "kap-5-1", "text",
                      lead + "\n\n" + "\n".join("- " + g for g in national)))
    follow = s.span("Indikatorerne følges op", "Færdigbehandlingsdage (somatik")
    indicators = [join_lines(b) for b in blocks(s.span("Færdigbehandlingsdage (somatik", "Bedre",
                                                       s.find("INDIKATORER UNDER")))]
    md.append(section(2, "Indikatorer under de nationale mål", "kap-5-2", "text",
                      join_lines(follow) + "\n\n" + "\n".join("- " + i for i in indicators)))

    # 6. Implementering og opfølgning; 7. Organisering og overordnede rammer.
    md.append(section(1, s.heading("Implementering", "7."), "kap-6", "chapter",
                      paragraphs(s.span("Sundhedsaftalen fastsætter en overord", "Implementering"))))
    md.append(section(1, s.heading("Organisering og", "PATIENTINDDRAGELSES"), "kap-7", "chapter",
                      paragraphs(s.span("Sundhedssamarbejdsudvalget fastlæg", "Organisering"))))
    return "".join(md).rstrip("\n") + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("seed", nargs="?", default=DEFAULT_SEED, help="seed 001 text file")
    ap.add_argument("-o", "--output", help="write here instead of stdout")
    args = ap.parse_args()
    with open(args.seed, encoding="utf-8") as f:
        md = convert(f.read())
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(md)
    else:
        sys.stdout.write(md)


if __name__ == "__main__":
    main()
