def leap_year(year):
    years = [1996, 2000]
    return years[year - 1990] > 0
