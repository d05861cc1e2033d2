"""How far the drug-named-entity-recognition dictionary agrees with our opioid lexicon.

A review aid, not part of the app: run it on the library's wheel (``pip download --no-deps
drug-named-entity-recognition``), e.g.::

    .venv/bin/python tools/compare_drug_ner.py drug_named_entity_recognition-2.0.9-py3-none-any.whl

The wheel's dictionary is a pickle: only run this on a wheel from PyPI you chose to trust.
"""

from __future__ import annotations

import bz2
import pickle
import sys
import zipfile

from ldn_report.evidence import default_pack
from ldn_report.medicines.lexicon import words

GENERIC_KINDS = ("generic", "international")


def main(wheel: str) -> int:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith("drug_ner_dictionary.pkl.bz2"))
        data = pickle.loads(bz2.decompress(archive.read(name)))  # a trusted wheel only
    variants: dict[str, list[str]] = data["drug_variant_to_canonical"]
    entries = default_pack().opioids.entries
    known = right = brands = brands_right = 0
    missed_brands: list[str] = []
    for entry in entries:
        canon = variants.get(entry.name.casefold()) or variants.get(" ".join(words(entry.name)))
        opioid = entry.contains.split()[0].casefold()
        ok = bool(canon) and any(opioid in c.casefold() for c in canon)
        known += bool(canon)
        right += ok
        if entry.kind not in GENERIC_KINDS:
            brands += 1
            brands_right += ok
            if not ok:
                missed_brands.append(entry.name)
    print(f"dictionary names: {len(variants):,}")
    print(f"lexicon names: {len(entries)}; known to the library: {known}; "
          f"mapped to the same opioid: {right}")
    print(f"brand/combination/cough/diarrhea/OUD names: {brands}; mapped: {brands_right}")
    print(f"'tylenol' -> {variants.get('tylenol')}")
    print("not mapped (first 15): " + ", ".join(missed_brands[:15]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
