module confdsl.org/gotemplate-golden

go 1.19
