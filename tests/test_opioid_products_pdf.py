"""Opioid detection, product by product, read back from real PDFs: every opioid product is
named in the page-1 warning; no common MS-clinic medicine raises it (or a "did you mean")."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from ldn_report.build import build_report
from ldn_report.context import context_from_dict
from ldn_report.rules import find_near_misses, find_opioids
from ldn_report.templates.model import SECTION_IDS, ClinicTemplate, SectionSetting
from pdf_text import folded

# (as a patient or clinician writes it, the opioid it contains)
OPIOID_PRODUCTS = [
    ('Ultracet', 'tramadol'),
    ('Ultracet 37.5/325 mg tablet', 'tramadol'),
    ('tramadol 50 mg', 'tramadol'),
    ('Tramadol HCl ER 100mg', 'tramadol'),
    ('Ultram', 'tramadol'),
    ('Percocet 5/325', 'oxycodone'),
    ('oxycodone/acetaminophen 5/325', 'oxycodone'),
    ('OxyContin 10 mg ER', 'oxycodone'),
    ('Oxycodone HCl 5mg tab', 'oxycodone'),
    ('Roxicodone', 'oxycodone'),
    ('Vicodin', 'hydrocodone'),
    ('Norco 10/325', 'hydrocodone'),
    ('hydrocodone-acetaminophen 7.5-325', 'hydrocodone'),
    ('Hysingla ER', 'hydrocodone'),
    ('Tylenol #3', 'codeine'),
    ('Tylenol with Codeine No. 4', 'codeine'),
    ('APAP-codeine 300/30', 'codeine'),
    ('co-codamol 30/500', 'codeine'),
    ('Co-Codamol 8/500mg', 'codeine'),
    ('codeine phosphate 30 mg', 'codeine'),
    ('codeine cough syrup', 'codeine'),
    ('Robitussin AC', 'codeine'),
    ('promethazine with codeine syrup', 'codeine'),
    ('Tussionex', 'hydrocodone'),
    ('Hycodan', 'hydrocodone'),
    ('Suboxone 8/2 mg film', 'buprenorphine'),
    ('Subutex', 'buprenorphine'),
    ('Zubsolv', 'buprenorphine'),
    ('Sublocade', 'buprenorphine'),
    ('buprenorphine 5 mcg/h patch', 'buprenorphine'),
    ('Butrans patch', 'buprenorphine'),
    ('Belbuca', 'buprenorphine'),
    ('methadone 10 mg', 'methadone'),
    ('Methadose', 'methadone'),
    ('Dolophine', 'methadone'),
    ('fentanyl 25 mcg/hr patch', 'fentanyl'),
    ('Duragesic', 'fentanyl'),
    ('Actiq lozenge', 'fentanyl'),
    ('morphine sulfate ER 15 mg', 'morphine'),
    ('MS Contin', 'morphine'),
    ('Kadian', 'morphine'),
    ('Oramorph oral solution', 'morphine'),
    ('hydromorphone 2 mg', 'hydromorphone'),
    ('Dilaudid', 'hydromorphone'),
    ('Opana ER', 'oxymorphone'),
    ('tapentadol 50 mg', 'tapentadol'),
    ('Nucynta', 'tapentadol'),
    ('pethidine', 'pethidine'),
    ('meperidine', 'meperidine'),
    ('Demerol', 'meperidine'),
    ('dextropropoxyphene', 'dextropropoxyphene'),
    ('Lomotil', 'diphenoxylate'),
    ('diphenoxylate/atropine', 'diphenoxylate'),
    ('Imodium 2 mg', 'loperamide'),
    ('loperamide', 'loperamide'),
    ('dihydrocodeine 30 mg', 'dihydrocodeine'),
    ('Solpadeine Max', 'codeine'),
    ('Nurofen Plus', 'codeine'),
    ('Tramacet', 'tramadol'),
    ('Zaldiar', 'tramadol'),
    ('paregoric', 'opium'),
    ('Talwin', 'pentazocine'),
    ('butorphanol nasal spray', 'butorphanol'),
    ('TYLENOL #3', 'codeine'),
    ('oxycodone/APAP', 'oxycodone'),
    ('Targin 10/5', 'oxycodone'),
]
# Medicines people with MS often take: symptom medicines, every DMT, common others.
NON_OPIOIDS = [
    'baclofen 10 mg', 'gabapentin 300 mg', 'pregabalin', 'Lyrica', 'duloxetine 60 mg', 'Cymbalta',
    'acetaminophen 500 mg', 'paracetamol', 'Tylenol Extra Strength', 'Tylenol', 'dextromethorphan',
    'Robitussin DM', 'tizanidine 4 mg', 'modafinil', 'armodafinil', 'amantadine', 'ocrelizumab',
    'Ocrevus', 'ofatumumab', 'Kesimpta', 'natalizumab', 'Tysabri', 'fingolimod', 'Gilenya',
    'siponimod', 'Mayzent', 'ozanimod', 'Zeposia', 'ponesimod', 'dimethyl fumarate', 'Tecfidera',
    'diroximel fumarate', 'Vumerity', 'teriflunomide', 'Aubagio', 'glatiramer acetate', 'Copaxone',
    'interferon beta-1a', 'Avonex', 'Rebif', 'Betaseron', 'Plegridy', 'alemtuzumab', 'Lemtrada',
    'cladribine', 'Mavenclad', 'ublituximab', 'rituximab', 'dalfampridine', 'Ampyra', 'fampridine',
    'oxybutynin', 'solifenacin', 'mirabegron', 'vitamin D3 2000 IU', 'ibuprofen 400 mg',
    'naproxen', 'amitriptyline', 'nortriptyline', 'venlafaxine', 'sertraline', 'escitalopram',
    'bupropion', 'carbamazepine', 'lamotrigine', 'diazepam', 'clonazepam', 'Sativex', 'nabiximols',
    'dantrolene', 'cyclobenzaprine', 'methylphenidate', 'melatonin', 'omeprazole',
    'methylprednisolone', 'naltrexone 4.5 mg', 'LDN', 'low-dose naltrexone', 'naloxone', 'Narcan',
    'metformin', 'sildenafil', 'tadalafil', 'botulinum toxin', 'celecoxib', 'meloxicam',
    'lidocaine patch', 'levothyroxine', 'atorvastatin', 'lisinopril', 'magnesium', 'biotin',
    'sumatriptan',
]
# A short report (header, key points and the locked section) keeps 150 real PDFs quick.
SHORT = ClinicTemplate(name="Short", builtin=False, sections=tuple(
    SectionSetting(s, visible=s in ("header", "key_points")) for s in SECTION_IDS))
BASE = {"schema_version": 1, "ms": {"phenotype": "RRMS"}, "dmt": {"status": "on_dmt_tolerating"},
        "appointment_date": "2026-12-01"}


def page_one(medicine: str) -> str:
    ctx = context_from_dict({**BASE, "medications": ["baclofen 10 mg", medicine]})
    pdf = build_report(ctx, SHORT, generated_on=dt.date(2026, 12, 1)).pdf
    return folded(PdfReader(io.BytesIO(pdf)).pages[0].extract_text() or "")


def test_the_lists_are_big_enough():
    assert len(OPIOID_PRODUCTS) >= 50
    assert len(NON_OPIOIDS) >= 50


@pytest.mark.parametrize(("medicine", "opioid"), OPIOID_PRODUCTS)
def test_opioid_product_is_named_in_the_page_one_warning(medicine, opioid):
    text = page_one(medicine)
    assert "Important: you take an opioid" in text
    named = (f"You take {medicine}. This is an opioid."
             if find_opioids((medicine,))[0].is_generic
             else f"You take {medicine}, which contains {opioid}, an opioid.")
    assert folded(named) in text
    assert find_opioids((medicine,))[0].contains == opioid


@pytest.mark.parametrize("medicine", NON_OPIOIDS)
def test_non_opioid_raises_no_warning(medicine):
    assert find_near_misses((medicine,)) == ()
    text = page_one(medicine)
    assert "Important: you take an opioid" not in text
    assert "which contains" not in text
