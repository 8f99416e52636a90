"""Training sessions (undervisning), some of which convert cases."""

from __future__ import annotations

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from ..texts import validation as say
from .base import Clock, Count, Date, Id, Model, People, ShortText, WebAddress, field


class TrainingConversion(Model):
    cases_per_participant: People = field("sager_pr_deltager", "Sager hver deltager konverterer på holdet.")
    categories: list[Id] = field("kategorier", "Sagskategorier deltagerne konverterer.", min_length=1)
    groups: list[Id] = field("feltgrupper", "Feltgrupper deltagerne indtaster.", min_length=1)


class Session(Model):
    id: Id = field("id", "Kort, stabil nøgle for holdet (bruges i kalenderfilerne).")
    title: ShortText = field("titel", "Titel.")
    audience: list[Id] = field("maalgruppe", "Roller, holdet er for.", min_length=1)
    date: Date = field("dato", "Dato.")
    start: Clock = field("start", 'Starttid i anførselstegn, fx "09:00".')
    end: Clock = field("slut", 'Sluttid i anførselstegn, fx "15:00".')
    place: ShortText = field("sted", "Sted.")
    trainer: ShortText = field("underviser", "Underviser (en superbruger fra rollerne).")
    seats: People = field("pladser", "Antal pladser.")
    participants: Count = field("deltagere", "Antal tilmeldte.")
    content: list[ShortText] = field("indhold", "Indhold.", [])
    people: list[ShortText] = field(
        "personer",
        "Medarbejdere på holdet (navne på kommunens medarbejdere, aldrig borgere). Vises på holdets side, "
        "så hver kan se, hvilket hold de er på.",
        [],
    )
    conversion: TrainingConversion | None = field(
        "konvertering", "Konverteringsøvelse på holdet, hvis der er en.", None
    )

    @model_validator(mode="after")
    def _people_fit(self) -> Session:
        if len(self.people) > self.seats:
            raise PydanticCustomError(
                "dansk", say.SESSION_PEOPLE_OVER_SEATS, {"people": len(self.people), "seats": self.seats}
            )
        return self


class Training(Model):
    klik_task: ShortText = field(
        "klik_opgave", "KLIK-opgaven, der ejer resten af undervisningsplanen.", say.TRAINING_KLIK_TASK
    )
    klik_link: WebAddress | None = field(
        "klik_link", "Webadressen på KLIK-opgaven (kopiér den fra KLIK), så siden kan linke til den.", None
    )
    sessions: list[Session] = field("sessioner", "Holdene.", [])
