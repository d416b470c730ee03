import unittest
from greet import greet


class GreetTest(unittest.TestCase):
    def test_greets_by_name(self):
        self.assertEqual(greet("Ada"), "Hello, Ada!")

    def test_starts_with_hello(self):
        self.assertTrue(greet("Ada").startswith("Hello"))
