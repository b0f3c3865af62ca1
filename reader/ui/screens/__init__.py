"""The app's screens: the article, the library of articles, help and the actor card."""
