"""The app's interface language: Qt translators, the core's field texts, View > Language."""
