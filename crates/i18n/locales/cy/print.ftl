# Adroddiad ymgyrch gyfan yn barod i'w argraffu.
# Welsh translation written for skillgym; to be reviewed by a native Welsh speaker before
# production use. A first review (December 2026, by a fluent reader who is not a native speaker)
# has been applied; the house style and word list it settled are in docs/welsh.md, and lines
# marked "review:" point a reviewer at choices worth a second look.

print-title = Adroddiad yn barod i'w argraffu
print-title-for = Adroddiad yn barod i'w argraffu: { $campaign }
print-link = Adroddiad yn barod i'w argraffu
print-how = Mae'r dudalen hon yn rhoi adroddiad cyfan yr ymgyrch at ei gilydd: y trosolwg, grwpiau wedi'u cymharu yn ôl teulu swyddi, hyder o'i gymharu â gwybodaeth, a'r newid ers yr ymgyrch gynharach. Defnyddiwch orchymyn Argraffu eich porwr i'w argraffu neu i'w gadw fel PDF; mae'r llywio a'r botymau'n cael eu gadael allan o'r copi printiedig.
