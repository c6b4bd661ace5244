"""PyTorch version of the Grokking-style sentiment network (07_review_sentiment_numpy.py): the sum of
the review's word vectors through nn.EmbeddingBag, a sigmoid hidden layer, a bias-free linear
output with a sigmoid, binary cross-entropy, one review per SGD step."""

import torch
import torch.nn.functional as F
from torch import nn

ALPHA = 0.1


class SentimentNet(nn.Module):
    def __init__(self, vocab_size=20, hidden_size=8):
        super().__init__()
        self.weights_0_1 = nn.EmbeddingBag(vocab_size, hidden_size)   # BUG: self.weights_0_1 = nn.EmbeddingBag(vocab_size, hidden_size, mode="sum")
        self.weights_1_2 = nn.Linear(hidden_size, 1, bias=False)

    def forward(self, words):
        layer_1 = torch.sigmoid(self.weights_0_1(words))
        return torch.sigmoid(self.weights_1_2(layer_1))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=ALPHA)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y, reduction="sum")
    loss.backward()
    optimizer.step()
    return loss.item()
