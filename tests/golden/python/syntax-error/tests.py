import unittest
from leap import leap_year


class LeapTest(unittest.TestCase):
    def test_ordinary_leap_year(self):
        self.assertIs(leap_year(1996), True)

    def test_century_is_not_leap(self):
        self.assertIs(leap_year(1900), False)

    def test_four_hundred_is_leap(self):
        self.assertIs(leap_year(2000), True)
