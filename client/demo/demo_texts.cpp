// The agreement texts of the demo as Markdown with section ids (see
// domain/agreements/markdown_import.h). Data, not logic: this file may be long.
#include "client/demo/demo_data.h"

namespace hoering::client::demo {

// A verbatim copy of tests/fixtures/agreement-2024-2027.md (seed 001 cleaned
// into Markdown by scripts/seed_to_markdown.py): the consultation draft.
const char* Agreement2024Markdown() {
  return R"md(
<!-- Sundhedsaftalen 2024-2027 (Region Midtjylland, its 19 municipalities and
     general practice), consultation version: generated from seed 001 by
     scripts/seed_to_markdown.py. Title: "Sundhedsaftalen 2024-2027"; subtitle:
     "Nærhed, tilgængelighed og sammenhæng for borgeren – et sundhedsvæsen i
     balance". The first section (the inside cover) has no heading in the PDF;
     "Om sundhedsaftalen" is editorial. Figures without text of their own are
     left out. -->

# Om sundhedsaftalen {#om-aftalen kind=text}

Sundhedsaftalen træder i kraft 1. januar 2024.

Sundhedsaftalen henvender sig primært til politikere samt ledelsessystemet i kommunerne, regionen og praksissektoren.

Sundhedsaftalen omfatter samarbejdet mellem hospitaler, kommuner og praksissektoren, herunder særligt almen praksis. Samtidig skal aftalen understøtte sammenhæng i indsatsen mellem sundhedsområdet og andre tæt forbundne velfærdsområder, herunder social-, undervisnings- og beskæftigelsesområdet.

Sundhedsaftalen fastsætter gennem visioner, prioriterede indsatsområder, målsætninger og bærende principper for samarbejdet en fælles politisk retning for udviklingen af det nære og sammenhængende sundhedsvæsen. Formålet med sundhedsaftalen er at bidrage til sammenhæng og koordinering af de forløb, der går på tværs af regioner, kommuner og almen praksis med fokus på kvalitet, effekt og patienttilfredshed.

Udmøntningen af den overordnede fælles retning i sundhedsaftalen til konkrete initiativer aftales og udvikles mellem parterne i aftaleperioden. Dette via udmøntning i konkrete samarbejdsaftaler for specifikke målgrupper/indsatser, prøvehandlinger mv. Hvis det besluttes, at almen praksis skal varetage nye opgaver, vil det eventuelt forudsætte, at der indgås en underliggende aftale, hvor implementering og ressourcer aftales. Fra nationalt hold udarbejdes der løbende mål, programmer og handlingsplaner for sundhedsområdet, som skal udmøntes i regi af sundhedsaftalen.

Samarbejdsaftaler fra tidligere sundhedsaftaleperioder videreføres og suppleres løbende af nye samarbejdsaftaler. Samarbejdsaftalerne findes på www.sundhedsaftalen.rm.dk. Her findes også en værktøjskasse med sundhedsfaglige dokumenter, der kan være vejledende eller retningsgivende for medarbejderne i sundhedsvæsenet.

# Forord {#kap-1 kind=chapter}

Alle borgere skal opleve et sundhedsvæsen, der hænger godt sammen, og hvor tryghed og kvalitet er i højsæde. Som region, kommuner og almen praksis har vi alle et ansvar for at sikre, at det sker.

Det kræver, at vi sammen er enige om en fælles retning for udviklingen af det nære sundhedsvæsen i Midtjylland. Den retning sætter vi sammen i sundhedsaftalen. Og vi starter ikke på bar bund, men står allerede på et godt fundament, som vi sammen har opbygget gennem flere generationer af sundhedsaftaler. Det fundament skal vi bygge ovenpå og videreudvikle, så vi er rustet til de fælles udfordringer, vi står overfor. Udfordringer som er velkendte og langt fra nye – vi bliver flere ældre borgere, flere lever med kroniske sygdomme og psykiske lidelser, og vi kan fortsat konstatere social og geografisk ulighed i sundhed. Samtidig bliver vi færre i den arbejdsdygtige alder, og der er allerede nu udfordringer med at skaffe tilstrækkelig arbejdskraft og de rette kompetencer til at løse opgaverne. Vi skal derfor gøre tingene på en ny og mere effektiv måde.

Vi er enige om en fælles retning, hvor vi har fokus på at skabe mest mulig sundhed for de ressourcer, der er, hvor tryghed, tilgængelighed og nærhed er i højsæde, hvor alle inddrages aktivt i egen sundhed, og hvor alle har lige mulighed for at leve et sundt og langt liv.

Vi prioriterer at samle kræfterne på få udvalgte områder, hvor vi med et fælles fokus kan sikre fremdrift og konkrete handlinger, der gør en forskel for borgerne i Midtjylland. Og hvor det er muligt, vil vi invitere civilsamfundet med i arbejdet.

Vi fokuserer vores kræfter på indsatser målrettet:

- børn og unge i mistrivsel og borgere med svær psykisk sygdom
- borgere med stort behov og stor kompleksitet som følge af kronisk sygdom
- styrket velfærdsteknologi, digitalisering og datadeling.

Indsatsområderne bygger ovenpå de mange indsatser og det samarbejde, der allerede foregår i det daglige mellem hospitaler, kommuner og praktiserende læger. Vi gør allerede meget hver især og i fællesskab for at skabe de rette rammer for borgernes sundhed – og det skal vi blive ved med.

Region og kommuner er aftaleparter og har i fællesskab med PLO-Midtjylland udarbejdet aftalen. Vi har forskellige roller, men vi er sammen om opgaveløsningen, og bakker alle op om den fælles retning vi sætter i sundhedsaftalen. Aftalen er blot rammen – nu skal vi i arbejdstøjet og få aftalen omsat til konkrete handlinger, der gør en forskel for de midtjyske borgere.

**Anders Kühnau**\
regionsrådsformand Region Midtjylland, formand for Sundhedssamarbejdsudvalget

**Ulrik Wilbek**\
borgmester Viborg Kommune, næstformand for Sundhedssamarbejdsudvalget

**Henrik Kise**\
formand for PLO-Midtjylland

# Visioner {#kap-2 kind=chapter}

Alle skal opleve et sundhedsvæsen i balance, hvor tryghed, tilgængelighed og nærhed er i højsæde, hvor alle har lige mulighed for et sundt og langt liv, hvor alle inddrages aktivt i egen sundhed, og hvor vi får mest mulig sundhed for de ressourcer, der er.

Sundhedsaftalen bygger på fire visioner for det fælles sundhedsvæsen i Midtjylland:

## Sammenhæng og tryghed {#vision-1 kind=vision}

Vi arbejder for, at borgerne i Midtjylland skal opleve et sammenhængende sundhedsvæsen, hvor vi på hospitalet, i kommunen og hos den praktiserende læge ser forløbet for den enkelte borger i en helhed. Ingen borgere skal opleve at falde mellem stole på grund af skift mellem sektorer. Borgeren skal føle sig tryg og opleve os som et team med et tillidsfuldt og respektfuldt samarbejde. Opstår der tvivl, er det den af os, der har kontakten med borgeren, der handler.

## På borgerens præmisser {#vision-2 kind=vision}

Vi støtter borgeren i at klare mest muligt selv med tilbud, som understøtter egen mestring, egen træning mv. Det gør vi, da muligheden for at have indflydelse på og ansvar for eget liv og sundhed er vigtig at bibeholde i mødet med sundhedsvæsenet. Samtidig har vi øje for at tilbyde mere støtte og koordinering til de borgere, der har behov for det. Vi inddrager borgeren og de pårørende i behandlings- og rehabiliteringsforløb, så borgeren har mulighed for at være aktiv i eget forløb. Og vi gør det i en gensidig dialog, hvor borgeren kan give udtryk for sine holdninger og ønsker og evt. utryghed. I dialogen med borgeren vælger vi sammen en løsning, der er faglig bedst ud fra borgerens situation, ønsker og præmisser.

## Et nært og tilgængeligt sundhedsvæsen {#vision-3 kind=vision}

Der er meget livskvalitet at hente ved at modtage behandling i de nære omgivelser, så behandlingen griber mindst muligt ind i borgerens hverdag. Vi har derfor fokus på, hvilke opgaver der kan løses og forankres tættere på borgerens hverdag. Nærhed handler ikke kun om at omlægge indsatser og flytte personaleressourcer og tilbud ud i hjemmet, men i lige så høj grad om nærhed digitalt og om at understøtte borgerens mulighed for at tage vare på egen sundhed og mestre egen sygdom. Samtidig har vi fokus på at sikre social lighed i sundhed, hvor vi differentierer vores indsatser og tilbyder mere støtte og koordinering af indsatsen til de borgere med størst behov. Det handler om, at vi sammen har fokus på at få rette patient, i rette tilbud, på rette tid. Og vi har fokus på geografisk lighed og på at skabe tilgængelighed, uanset hvor borgeren bor – så borgere med behov sikres let adgang til sundhedsvæsenet.

## Et sundhedsvæsen i balance {#vision-4 kind=vision}

Vi er optaget af løsninger, hvor vi hjælper hinanden med at skabe mest mulig sundhed for de ressourcer, der er. Vi oplever allerede udfordringer med at skaffe medarbejdere nok og de rette kompetencer til at løse opgaverne. Det er således ikke holdbart i længden blot at gøre mere af det samme. Vi må også gøre tingene på en ny og mere effektiv måde. Vi har derfor fokus på den samlede opgaveløsning, hvor vi ikke opbygger parallelle tilbud, men løser opgaven på en måde hvor den giver mest værdi for borgerne, og hvor de samlede ressourcer anvendes mest fornuftigt. Samtidig har vi fokus på at inddrage borgerne, civilsamfundet, foreninger m.fl. i opgaveløsningen. En af forudsætningerne for at få mest mulig sundhed for pengene er, at vi arbejder med forebyggelse i de indsatser, vi igangsætter, således vi forebygger, at sygdom opstår og udvikler sig.

# Indsatsområder og fælles målsætninger {#kap-3 kind=chapter}

Vi prioriterer at samle kræfterne på få udvalgte indsatsområder, så vi når i mål med vores indsatser – og gør en reel forskel for borgerne. Indsatsområderne er:

- Psykiatri og trivsel – med fokus på børn og unges trivsel og fokus på mennesker med svær psykisk sygdom
- Sammenhæng for borgere med kronisk sygdom – med fokus på de med størst behov og størst kompleksitet
- Velfærdsteknologi, digitalisering og datadeling – med fokus på hjemmemonitorering, digitale konsultationer og platforme samt datadeling

Indsatsområderne skal ses som fælles udviklingsområder i de kommende år, og er her vi vurderer, at der er brug for en ekstra indsats – og hvor indsatsen med fordel kan udvikles og implementeres i tæt samspil mellem kommuner, hospitaler og praktiserende læger.

## Psykiatri og trivsel {#fa-1 kind=focus_area}

Vi prioriterer udvikling af den nære psykiatri, da stadig flere borgere rammes af psykiske lidelser. Psykiske lidelser har store konsekvenser både for den enkelte og for pårørende, og i et samfundsperspektiv tegner psykiske lidelser sig for 25 % af den samlede sygdomsbyrde. Samtidig lever mennesker med psykiske lidelser markant kortere liv og med mere somatisk sygdom end resten af befolkningen. Det kan og skal vi gøre bedre. Et fortsat fælles fokus i Midtjylland på at forbedre og udvikle den nære psykiatri mellem kommuner, region, almen praksis og civilsamfundet er essentielt for at skabe forbedringer på området. Derfor skal vi bygge videre på det arbejde, der er igangsat i Midtjylland og tiltag i den nationale 10-årsplan for psykiatrien og mental sundhed.

Vi sætter i vores samarbejde særligt fokus på indsatsen for at forbedre børn og unges trivsel. Og på at sikre sammenhæng for børn, unge og voksne, der er blevet ramt af svær psykisk sygdom.

### Børn og unges trivsel {#fa-1-1 kind=text}

Alt for mange børn og unge giver udtryk for, at de mistrives. Den udvikling må og skal vi have vendt. Vi vil sørge for, at der er en rettidig og sammenhængende indsats for børn og unge, der bliver ramt af bekymrende mistrivsel og psykisk lidelse. Vi vil sætte ind med forebyggelse ift. børn og unges mentale sundhed og trivsel, så vi undgår, at det udvikler sig til psykisk mistrivsel og potentielt psykisk sygdom. Derudover vil vi målrettet sætte ind med indsatser til børn og unge, der udviser tegn på psykisk mistrivsel.

#### Vi vil forbedre den mentale sundhed og mindske mistrivsel hos børn og unge i Region Midtjylland {#obj-1-1 kind=objective}

##### Andel unge med god trivsel og livskvalitet (HHDD data) {#ind-1-1-1 kind=indicator}

##### Andel unge med en høj score på stressskalaen (HHDD data) {#ind-1-1-2 kind=indicator}

##### Andel af unge der er generet af angst og anspændthed (HHDD data) {#ind-1-1-3 kind=indicator}

##### Antal kontakter til psykiatrien blandt børn og unge (evt. opgjort pr. 1000 i målgruppen) {#ind-1-1-4 kind=indicator}

### Mennesker med svær psykisk sygdom – både børn, unge og voksne {#fa-1-2 kind=text}

Borgere, der bliver ramt af psykiske lidelser, har ofte kontakt med kommune, praktiserende læge og den regionale psykiatri på samme tid. Det er derfor vigtigt, at vi sikrer sammenhængende løsninger for denne målgruppe, så borgerne ikke risikerer at blive tabt mellem stole eller selv at skulle være tovholder.

#### Vi vil forbedre sundheden og sikre mere sammenhængende patientforløb for børn, unge og voksne med svær psykisk sygdom {#obj-1-2 kind=objective}

##### Antal kontakter til psykiatrien (evt. opgjort pr. 1000 borgere) {#ind-1-2-1 kind=indicator}

##### Akutte psykiatriske genindlæggelser inden for 30 dage {#ind-1-2-2 kind=indicator}

##### Antal tvangsindlæggelser {#ind-1-2-3 kind=indicator}

##### Færdigbehandlingsdage i psykiatrien {#ind-1-2-4 kind=indicator}

##### Andel udskrivninger hvor der er udarbejdet udskrivningsaftaler og koordinationsplaner {#ind-1-2-5 kind=indicator}

## Sammenhæng for borgere med kronisk sygdom {#fa-2 kind=focus_area}

Vi prioriterer sammenhæng for borgere med kronisk sygdom.

Det gør vi, da der er potentiale i at forebygge, at kronisk sygdom opstår og udvikler sig – både ift. at mindske sygdomsbyrden og undgå forringet livskvalitet og funktionsevne. Når kronisk sygdom er opstået, er der potentiale i at understøtte et godt liv med kronisk sygdom samt undgå forværring.

Borgere med to eller flere samtidige kroniske sygdomme (multisygdom) har ofte regelmæssige kontakter på tværs af kommune, almen praksis og hospital og har derfor særligt brug for koordination og sammenhæng på tværs af sektorer. Vi kan understøtte et godt liv med kronisk sygdom samt undgå forværring og akutte indlæggelsesforløb ved at styrke kvaliteten, sammenhængen og ensartetheden i indsatsen til borgere med kroniske lidelser. Og vi kan blive bedre til at støtte borgere med kronisk sygdom i at blive mest muligt selvhjulpne fx via digitale selvbetjeningsløsninger, så de, der kan selv, får mulighed for det.

Vi prioriterer samarbejdet om at skabe gode sammenhængende forløb for borgere med kronisk sygdom, og særligt for de borgere der har størst behov og størst kompleksitet i sygdomsbilledet.

### Fokus på de borgere med størst behov og størst kompleksitet {#fa-2-1 kind=text}

Borgere med et komplekst sygdomsbillede som følge af kronisk sygdom har ofte mange kontakter til sundhedsvæsenet – herunder akutte indlæggelser. De oplever i nogle situationer et opsplittet og usammenhængende behandlingsforløb, og at de skal bruge meget tid og mange ressourcer på at følge deres behandlingsforløb.

Vi vil derfor have fokus på forebyggelse af akutte indlæggelser, koordination mellem forskellige specialer på hospitaler, koordination på tværs af sektorer, kontroller mv. i almen praksis, adgang til forebyggelsestilbud af høj kvalitet i kommunerne og virtuelle hospitalskonsultationer. Og vi vil med afsæt i tilgængelige data identificere konkrete målgrupper, som vi ved at arbejde tættere sammen om, kan gøre en forskel for. En gruppe, vi allerede har identificeret, er den ældre borger med kronisk sygdom og stor kompleksitet.

#### Vi vil styrke samarbejdet om de borgere med kronisk sygdom, der har størst behov for støtte og/eller størst kompleksitet i sygdom og nedbringe antallet af akutte indlæggelser i målgruppen {#obj-2-1 kind=objective}

##### Antal akutte indlæggelser blandt borgere med kroniske sygdomme {#ind-2-1-1 kind=indicator}

##### Antal akutte indlæggelser blandt borgere med KOL {#ind-2-1-2 kind=indicator}

##### Antal akutte indlæggelser blandt borgere med diabetes {#ind-2-1-3 kind=indicator}

## Velfærdsteknologi, digitalisering og datadeling {#fa-3 kind=focus_area}

Vi prioriterer fokus på vores samarbejde om digitale løsninger.

Velfærdsteknologi og digitale løsninger er et vigtigt element i omstillingen af sundhedsvæsenet, herunder omstillingen til et mere fleksibelt og nært sundhedsvæsen. Sundhedsvæsenet er presset på ressourcer, særligt manglen på sundhedsfagligt personale. Vi har derfor brug for at tænke i nye løsninger, så vi sikrer, at både borgerens tid og sundhedspersonalets tid og kompetencer anvendes bedst muligt. Det betyder, at borgerne i videst muligt omfang skal være aktive medspillere i eget forløb samtidig med, at sundhedsvæsenet skal bringes tættere på eller helt ud i borgernes eget hjem.

Velfærdsteknologiske løsninger og digitalisering kan bidrage til at mindske geografisk og i en række tilfælde også social ulighed i sundhed. Det kan give borgerne øget frihed og ansvar for egen sundhed, og det kan understøtte borgerne i at blive mest muligt selvhjulpne. Der skal dog fortsat være plads til de borgere og patienter, der ikke er fortrolige med brugen af digitale løsninger. Selvom vi kan nå langt med teknologiske løsninger, kræver lige adgang til sundhedsvæsenet fortsat både adgang til fysiske og digitale tilbud.

Vi vil derfor prioritere udvikling af hjemmemonitorering, digitale konsultationer og platforme samt datadeling på tværs af sektorer.

### Fokus på hjemmemonitorering, digitale konsultationer og -platforme samt datadeling på tværs {#fa-3-1 kind=text}

Der er både faglige og ressourcemæssige gevinster at hente for de borgere, der selv kan foretage hjemmemålinger og kontakte sundhedsvæsenet via digitale platforme. I samarbejdet mellem hospitaler, kommuner og almen praksis vil vi fokusere på at udvikle og udbrede løsninger, der muliggør, at sundhedspersonalet, når det er fagligt forsvarligt, kan kontakte og tilse borgerne virtuelt.

Vi vil samtidig skabe lettere og mere fleksibel adgang til sundhedsvæsenet fx via digital konsultation – særligt for patienter med regelmæssige kontakter på tværs af sundhedsvæsenet. Det kan fx være borgere med kroniske sygdomme, psykiske lidelser eller ældre.

Vi vil også øge anvendelsen af digitale platforme, der muliggør virtuelt samarbejde mellem fagligheder og med borger – fx ved udskrivelsessamtaler. I dag bruges der meget tid på at kommunikere og dokumentere på tværs af sektorer for at sikre en god overdragelse. Der er derfor potentiale i datadeling, så vi har adgang til relevant viden i forløb, der går på tværs. Samtidig er der et stort effektiviseringspotentiale ved at kunne tilgå relevante oplysninger direkte.

#### Vi vil sikre lettere og mere fleksible adgange til sundhedsvæsenet for borgeren gennem hjemmemonitorering og digitale konsultationer {#obj-3-1 kind=objective}

##### Antal virtuelle kontakter {#ind-3-1-1 kind=indicator}

#### Vi vil sikre sammenhæng i borgerens forløb gennem digital kommunikation og datadeling {#obj-3-2 kind=objective}

# Bærende principper for samarbejdet {#kap-4 kind=chapter}

I arbejdet med at omsætte sundhedsaftalen til handlinger har vi erfaring for, at der er forhold, der kan udfordre det tværsektorielle samarbejde. Vi understøtter derfor vores samarbejde med fælles principper, som vi kan stå på, når vi mellem region, kommuner og almen praksis indgår aftaler med hinanden. Principperne danner grundlag for et stærkt samarbejde, også når vi er uenige.

## Sammen med borgerne {#principle-1 kind=principle}

Vi udvikler det nære og sammenhængende sundhedsvæsen sammen med borgerne. Derfor inddrager vi borgernes perspektiv og erfaringer, når vi udvikler indsatser.

## Fælles tidligere {#principle-2 kind=principle}

Vi er enige om, at vi har et fælles populationsansvar – også inden borgerne bliver patienter. Vi – både kommuner, almen praksis og hospitaler – har andel i at styrke indsatsen i det nære sundhedsvæsen, så borgerne modtager behandling, pleje og rehabilitering tæt på eller i eget hjem. Når vi i fællesskab investerer tidligt i forløbet, kan vi undgå, at kompleksiteten øges. Det er til gavn for den enkelte borger, ressourcepresset i sundhedsvæsenet og samfundsøkonomien.

## Kvalitet hele vejen rundt {#principle-3 kind=principle}

Vi ser på kvalitet i det samlede forløb – og hvordan vi hver især bidrager til det. Derfor vil vi prioritere relationsdannelse og kendskabet til hinanden, som et middel til at sikre høj kvalitet i vores samarbejde og i borgernes samlede forløb.

Vi prioriterer fælles forskning og evidensdannelse og udbreder de løsninger, der har effekt, giver værdi og sammenhæng for borgerne og understøtter god ressourceudnyttelse. Når vi udbreder de løsninger, der virker, understøtter vi en høj og mere ensartet kvalitet og anvender vores udviklings- og implementeringsressourcer klogt. Vores ambition er, at samarbejdsaftaler bliver regionsdækkende, men vi har respekt for, at der kan være lokale forskelle på, hvor hurtigt de implementeres.

## Virtuelt hvor det er muligt {#principle-4 kind=principle}

Vi tilbyder mest muligt virtuelt, når det er til gavn for borgeren og for optimeret brug af de samlede ressourcer. Med digitalisering og velfærdsteknologi bringer vi sundhedsvæsenet – også det specialiserede – tættere på borgerens hverdag, og vi understøtter, at både borgerens og sundhedspersonalets tid ikke bruges på unødvendig transport.

## Økonomisk klarhed og fair balance {#principle-5 kind=principle}

Når vi udvikler sundhedsvæsenet og indgår samarbejdsaftaler, beskriver vi først den fagligt bedste løsning – dernæst økonomien. Når en aftale ændrer på opgavevaretagelsen mellem kommuner og region, skal de økonomiske konsekvenser være klarlagt som del af det fælles beslutningsgrundlag. Vi er enige om, at udviklingen af det samlede sundhedsvæsen skal ske ud fra et princip om, at der over tid er en fair balance i økonomien mellem kommuner og region. For almen praksis gælder særlige forhold. Vi fortsætter og videreudvikler samarbejdet der, hvor der er sundhedsgevinster at hente for borgerne og effektiviseringer for kommuner og region og respekterer andre sektorers vilkår.

# Nationale mål og lokale målsætninger {#kap-5 kind=chapter}

De otte nationale mål for sundhedsvæsenet sætter en fælles retning og udgør en overordnet ramme for sundhedsaftalen. De indsatser, vi har prioriteret i sundhedsaftalen, skal bidrage til at realisere de nationale mål.

Vi er enige om fire visioner, som sætter en fælles retning for sundhedsvæsenet i Midtjylland. Visionerne skal gennemsyre alle de indsatser, vi sætter i gang.

Vi har samtidig opsat fælles forpligtende målsætninger for hvert af de tre prioriterede indsatsområder. For at kunne følge om vi bevæger os i den ønskede retning, er der til hver målsætning udpeget få målbare indikatorer. Indikatorerne er valgt med udgangspunkt i eksisterende tilgængelige data. Vi opdaterer vores indikatorer i perioden, hvis der skulle blive nyere/bedre data tilgængelige.

Under hvert indsatsområde udarbejdes konkrete samarbejdsaftaler og indsatser, der skal sættes i værk. Som opfølgning på implementering af samarbejdsaftaler formuleres specifikke indikatorer, der følges i en aftalt periode.

Sammenhængen mellem de nationale mål og sundhedsaftalens fire visioner og tre indsatsområder med tilhørende målsætninger og indikatorer er illustreret i overbliksbilledet nedenfor.

## De otte nationale mål {#kap-5-1 kind=text}

Bedre kvalitet, sammenhæng og geografisk lighed i sundhedsvæsnet

- Bedre sammenhængende patientforløb
- Styrket indsats for kronikere og ældre patienter
- Forbedret overlevelse og patientsikkerhed
- Behandling af høj kvalitet
- Hurtig udredning og behandling
- Øget patientinddragelse
- Flere sunde leveår
- Mere effektivt sundhedsvæsen

## Indikatorer under de nationale mål {#kap-5-2 kind=text}

Indikatorerne følges op som led i opfølgningen på Sundhedsaftalen 2024-2027

- Færdigbehandlingsdage (somatik og psykiatri)
- Akutte somatiske og psykiatriske genindlæggelser
- Fastholdelse af somatisk/psykisk syge på arbejdsmarkedet
- Fuldført ungdomsuddannelse blandt unge med psykiske lidelser
- Overdødelighed ved psykisk sygdom
- Sygehusaktivitet pr. kroniker (KOL/diabetes)
- Forebyggelige sygehusophold blandt ældre borgere
- Middellevetid
- Daglige rygere i befolkningen

# Implementering og opfølgning {#kap-6 kind=chapter}

Sundhedsaftalen fastsætter en overordnet fælles politisk retning for udviklingen af det nære og sammenhængende sundhedsvæsen i Midtjylland. De prioriterede indsatsområder vil blive udmøntet i aftaleperioden via konkrete handlingsorienterede samarbejdsaftaler og/eller via konkrete initiativer og prøvehandlinger. Indsatser kan udvikles i centralt nedsatte arbejdsgrupper eller i sundhedsklyngerne – enten på sundhedsklyngernes eget initiativ eller på opdrag fra Sundhedssamarbejdsudvalget.

Samarbejdsaftalerne indeholder konkret ansvars- og opgavefordeling og understøtter implementering på de enkelte hospitaler, i de enkelte kommuner og i almen praksis.

Sundhedssamarbejdsudvalget udarbejder fra aftaleperiodens start en årlig handleplan for arbejdet med indsatsområderne. Handleplanen indeholder, hvilke konkrete indsatser der sættes i gang med henblik på at indfri de opsatte mål. Handleplanen vil løbende blive justeret i aftaleperioden.

Sundhedssamarbejdsudvalget følger løbende op på aftalens målsætninger, og der udarbejdes midtvejs- og slutstatus på udmøntning af sundhedsaftalen.

# Organisering og overordnede rammer {#kap-7 kind=chapter}

Sundhedssamarbejdsudvalget fastlægger fælles politiske rammer og retning for udviklingen af det tværsektorielle samarbejde og samarbejdet på tværs af sundhedsklyngerne. Udvalget er ansvarligt for at udarbejde udkast til sundhedsaftalen mellem region, kommune og almen praksis. Sundhedsaftalen godkendes i regionsrådet og byrådene. Sundhedssamarbejdsudvalget koordinerer arbejdet på tværs af klyngerne, herunder drøfter klyngernes udviklingstiltag med henblik på at indstille veldokumenterede tiltag til udbredelse på tværs af sundhedsklyngerne.

Sundhedsklyngerne har både et politisk og et fagligt-strategisk niveau. Sundhedsklyngerne har populationsansvar for borgerne i klyngen og opstiller inden for sundhedsaftalens ramme mål for klyngens arbejde med udgangspunkt i lokale udfordringer og behov. Sundhedsklyngerne udvikler på eget initiativ eller på opdrag fra Sundhedssamarbejdsudvalget indsatser, der skal sikre sammenhæng i behandlings- og rehabiliteringsforløb på tværs af sundhedsområdet og tilgrænsende sektorer. Og sundhedsklyngerne skal styrke forebyggelse, kvalitet og omstilling til det primære sundhedsvæsen. Sundhedsklyngerne kommer med input til sundhedsaftalen og implementerer samarbejdsaftaler mm. under sundhedsaftalen.

Patientinddragelsesudvalget bidrager til at styrke brugerperspektivet på sundhedsvæsenet med særligt fokus på det sammenhængende patientforløb mellem hospitaler, praksissektor og kommuner. Patientinddragelsesudvalget inddrages systematisk i drøftelsen af emner, der ligger inden for Sundhedssamarbejdsudvalgets områder. Og Patientinddragelsesudvalget er repræsenteret i klyngernes fora på fagligt-strategisk niveau.

Sundhedsstyregruppen sætter på baggrund af de politiske mål administrativ strategisk retning for sundhedsaftalesamarbejdet og implementering af sundhedsaftalen. Sundhedsstyregruppen igangsætter konkrete aktiviteter i samarbejdet mellem kommuner, hospital og almen praksis i det nære og sammenhængende sundhedsvæsen. Udvikling af konkrete indsatser kan ske i en klynge eller i centrale midlertidige arbejdsgrupper. Sundhedsstyregruppen forbereder sager til Sundhedssamarbejdsudvalget.

Sundhedsaftalesekretariatet sikrer koordinering og igangsætning af opgaver i regi af sundhedsaftalen, herunder udarbejdelse af kommissorier og udpegninger til midlertidige arbejdsgrupper. Sekretariatet skal desuden sikre, at de relevante sager bringes ind i Sundhedsstyregruppen og Sundhedssamarbejdsudvalget, samt at der tilvejebringes et tilstrækkeligt beslutningsgrundlag. Herudover skal Sundhedsaftalesekretariatet understøtte monitorering, kvalitets- og økonomiopfølgning af de enkelte indsatser samt den generelle afrapportering på sundhedsaftalen.

Midlertidige arbejdsgrupper etableres efter behov til at løfte forskellige typer af tværgående opgaver som fx udarbejdelse af forslag til samarbejdsaftaler, tværgående analyser og lignende. Grupperne arbejder inden for kommissorium fra Sundhedsstyregruppen.
)md";
}

// Sundhedsaftalen 2015-2018: NOT the original text, which is not among the
// seeds. A few sections reconstructed from what Sundhedsstyrelsen's letter
// (seed 004) says the agreement contains: its three visions and its four
// mandatory focus areas.
const char* Agreement2015Markdown() {
  return R"md(<!-- Sundhedsaftalen 2015-2018 (Region Midtjylland and its 19 municipalities).
     Illustrative reconstruction for the demo from Sundhedsstyrelsen's letter
     (seed 004); the original text is not among the seed documents. -->

# Om denne tekst {#om-teksten kind=text}

Illustrativ gengivelse til demoen: teksten er ikke sundhedsaftalens ordlyd, men en kort rekonstruktion ud fra Sundhedsstyrelsens tilbagemelding på aftalen. Aftalen består af en politisk del (Mere sundhed i det nære – på borgerens præmisser), en administrativ del og bilag, herunder Værktøjskassen. Aftalen trådte i kraft den 1. februar 2015.

# Visioner {#kap-1 kind=chapter}

Den politiske aftale fastsætter visioner, mål og værdier for sundhedssamarbejdet.

## Sundhedsløsninger tæt på borgeren {#vision-1 kind=vision}

Borgerne er primært hjemme, og kontakterne til sygehuset er kortvarige. Vi styrker sammenhængen mellem kommunale tilbud og almen praksis.

## Et sundhedsvæsen på borgerens præmisser {#vision-2 kind=vision}

Vi arbejder systematisk med inddragelse af patienter og pårørende.

## Mere lighed i sundhed {#vision-3 kind=vision}

Vi udvikler en differentieret indsats afhængigt af borgerens behov, med særligt fokus på sårbare borgere med psykisk lidelse og/eller somatisk sygdom.

# Indsatsområder {#kap-2 kind=chapter}

## Forebyggelse {#fa-1 kind=focus_area}

En systematisk indsats for at mindske tobaksforbruget, en sammenhængende indsats mod sundhedsskadeligt alkohol- og stofmisbrug, en strategi mod overvægt og en styrket forebyggelsesindsats for mennesker med kroniske sygdomme. Flere henvisninger til kommunale forebyggelsesforløb, også fra almen praksis.

## Behandling og pleje {#fa-2 kind=focus_area}

Tidlig opsporing af begyndende sygdom, forebyggelse af (gen)indlæggelser og velkoordinerede indlæggelser og udskrivninger. Særligt fokus på borgere med psykisk lidelse og samtidigt misbrug, børn og unge med psykisk sygdom og ældre medicinske patienter.

## Genoptræning og rehabilitering {#fa-3 kind=focus_area}

Implementering af det nye lovgrundlag for genoptræning og rehabilitering og opdatering af eksisterende aftaler og afklaringskataloger. Det gode genoptræningsforløb koordinerer genoptræning og rehabilitering på tværs af sektorer.

## Sundheds-it og digitale arbejdsgange {#fa-4 kind=focus_area}

Øget brug af MedCom-beskeder, også i psykiatrien, fuld anvendelse af Det Fælles Medicinkort og øget brug af video ved udskrivningskonferencer. En temagruppe for sundheds-it og digitalisering koordinerer arbejdet.

# Implementering og opfølgning {#kap-3 kind=chapter}

Sundhedskoordinationsudvalget sikrer implementeringen af og opfølgningen på sundhedsaftalen og vurderer én gang årligt behovet for at revidere dens indhold.
)md";
}

}  // namespace hoering::client::demo
