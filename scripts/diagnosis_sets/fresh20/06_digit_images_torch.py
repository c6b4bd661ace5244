"""PyTorch port of ImageClassifier (06_digit_images_numpy.py): the images are unrolled inside
forward, then the same 16 -> 10 tanh -> 4 network, F.cross_entropy on the logits, SGD at 0.5."""

import torch
import torch.nn.functional as F
from torch import nn


class ImageClassifier(nn.Module):
    def __init__(self, n_pixels=16, hidden=10, n_classes=4):
        super().__init__()
        self.fc1 = nn.Linear(n_pixels, hidden)
        self.fc2 = nn.Linear(hidden, n_classes)

    def forward(self, images):
        x = images.flatten(start_dim=1)   # BUG: x = images.transpose(1, 2).flatten(start_dim=1)
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5)


def train_step(model, optimizer, images, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(images), y)
    loss.backward()
    optimizer.step()
    return loss.item()
