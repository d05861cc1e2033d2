"""The About dialog: app version, the evidence pack's version, dates, policy and references."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from .. import __version__
from ..evidence import EvidencePack, default_pack
from ..i18n.fill import fill

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


def about_html(pack: EvidencePack) -> str:
    """The dialog's text; every pack string is escaped, links are built here."""
    e = html.escape
    refs = []
    for ref in pack.references:
        links = " ".join(f'<a href="{e(url, quote=True)}">{e(label)}</a>'
                         for label, url in ref.links())
        refs.append(f"<li value='{ref.number}'>{e(ref.text)} {links}</li>")
    expired = ""
    if pack.is_expired():
        expired = " <b>" + e(translate("AboutDialog",
                                       "(past its review date: the team must review it)")) + "</b>"
    title = fill(translate("AboutDialog", "LDN counseling report builder %1"), __version__)
    about = translate("AboutDialog", "Printable counseling reports on low-dose naltrexone for "
                      "people with MS. No network access; patient data stays on this computer.")
    dates = fill(translate("AboutDialog", "Version %1, produced %2, review by %3"),
                 pack.version, pack.produced.isoformat(), pack.review_by.isoformat())
    source = fill(translate("AboutDialog", "Source summary: %1"), pack.source_title)
    pack_heading = translate("AboutDialog", "Evidence pack")
    references = translate("AboutDialog", "References")
    return (
        f"<h2>{e(title)}</h2><p>{e(about)}</p>"
        f"<h3>{e(pack_heading)}</h3><p><b>{e(pack.title)}</b><br>"
        f"{e(dates)}{expired}<br>{e(source)}</p>"
        f"<p>{e(pack.update_policy)}</p><p>{e(pack.funding_conflicts)}</p>"
        f"<h3>{e(references)}</h3><ol>{''.join(refs)}</ol>"
        f"<p style='color:gray'>Qt {e(qVersion())}</p>"
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, pack: EvidencePack | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About the LDN report builder"))
        self.resize(640, 560)
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("About this app and its evidence"))
        self.text.setOpenExternalLinks(True)
        self.text.setHtml(about_html(pack or default_pack()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)


def show_about(parent: QWidget | None) -> None:
    AboutDialog(parent).exec()
