#!/usr/bin/env python3
"""Writes the hand-made GDELT fixtures of Tests/ActorGraphIOTests/Fixtures/gdelt/:
sample-v2.export.CSV (GDELT 2.0, 61 fields), its .zip, and malformed.tsv (GDELT 1.0, 58 fields).

Columns from GDELT's event codebooks: 0 GLOBALEVENTID, 1 SQLDATE, 5-14 Actor1 (Code, Name,
CountryCode, ...), 15-24 Actor2, 25 IsRootEvent, 26 EventCode, 27 EventBaseCode, 28 EventRootCode,
29 QuadClass, 30 GoldsteinScale, 31 NumMentions, 32 NumSources, 33 NumArticles, 34 AvgTone, then
three geography blocks (7 fields each in 1.0, 8 in 2.0), DATEADDED and SOURCEURL.
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(os.path.dirname(HERE)), "Tests", "ActorGraphIOTests", "Fixtures", "gdelt")


def row(width, gid, date, a1, a1name, a1country, a2, a2name, a2country, root_event, code, quad, goldstein,
        mentions, sources, articles, tone, url):
    f = [""] * width
    f[0], f[1], f[2], f[3], f[4] = str(gid), date, date[:6], date[:4], date[:4] + ".25"
    f[5], f[6], f[7] = a1, a1name, a1country
    f[15], f[16], f[17] = a2, a2name, a2country
    f[25], f[26], f[27], f[28] = str(root_event), code, code[:3], code[:2]
    f[29], f[30], f[31], f[32], f[33], f[34] = str(quad), goldstein, str(mentions), str(sources), str(articles), tone
    f[width - 2] = date
    f[width - 1] = url
    return "\t".join(f)


def main():
    v2 = [
        row(61, 1001, "20150301", "USAGOV", "UNITED STATES", "USA", "RUS", "RUSSIA", "RUS", 1, "042", 1, "1.9", 10, 2, 10, "2.5", "http://example.org/a"),
        row(61, 1002, "20150302", "RUS", "RUSSIA", "RUS", "GEO", "GEORGIA", "GEO", 0, "112", 3, "-2.0", 4, 1, 4, "-3.1", "http://example.org/b"),
        row(61, 1003, "20150303", "GEO", "GEORGIA", "GEO", "", "", "", 1, "010", 1, "0.0", 3, 1, 3, "1", ""),
        row(61, 1004, "20150304", "GEOGOV", "GEORGIA", "GEO", "USA", "UNITED STATES", "USA", 1, "0311", 1, "5.2", 6, 3, 6, "0.5", "http://example.org/a"),
        row(61, 1005, "20150305", "USA", "UNITED STATES", "USA", "GEOGOV", "GEORGIA", "GEO", 0, "070", 2, "7.0", 2, 1, 2, "4.25", "http://example.org/c"),
        row(61, 1006, "20150306", "RUSMIL", "RUSSIA", "RUS", "GEO", "GEORGIA", "GEO", 1, "190", 4, "-10.0", 20, 5, 18, "-8.5", "http://example.org/d"),
    ]
    path = os.path.join(OUT, "sample-v2.export.CSV")
    with open(path, "w", newline="") as f:
        f.write("\n".join(v2) + "\n")
    with zipfile.ZipFile(path + ".zip", "w", compression=zipfile.ZIP_DEFLATED) as z:
        info = zipfile.ZipInfo("sample-v2.export.CSV", date_time=(2015, 3, 6, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, open(path, "rb").read())

    good = row(58, 2001, "20130401", "USA", "UNITED STATES", "USA", "GEO", "GEORGIA", "GEO", 1, "042", 1, "1.9", 2, 1, 2, "1.0", "http://example.org/x")
    short = "\t".join(good.split("\t")[:40])                       # line 2: 40 fields
    bad_date = row(58, 2003, "20131341", "USA", "UNITED STATES", "USA", "", "", "", 1, "010", 1, "0.0", 1, 1, 1, "0", "")
    good2 = row(58, 2004, "20130402", "RUS", "RUSSIA", "RUS", "GEO", "GEORGIA", "GEO", 0, "111", 3, "-2.0", 1, 1, 1, "-1", "")
    bad_goldstein = row(58, 2005, "20130403", "USA", "UNITED STATES", "USA", "", "", "", 1, "010", 1, "abc", 1, 1, 1, "0", "")
    duplicate = row(58, 2001, "20130401", "USA", "UNITED STATES", "USA", "GEO", "GEORGIA", "GEO", 1, "042", 1, "1.9", 2, 1, 2, "1.0", "http://example.org/x")
    with open(os.path.join(OUT, "malformed.tsv"), "w", newline="") as f:
        f.write("\n".join([good, short, bad_date, good2, bad_goldstein, duplicate]) + "\n")


if __name__ == "__main__":
    main()
