"""Port of a tanh regressor (5 -> 10 -> 1, linear output, mean squared error, plain SGD). The
training step came from a codebase that keeps an exponential moving average of the weights
(decay 0.9) for evaluation. It ends by loading the average into the model, the line that in
the original sat inside an evaluation context that swapped the trained weights back after:
the averaged weights overwrite the trained ones, each step keeps 0.9 of the old average and
0.1 of the freshly trained weights."""

import torch
import torch.nn.functional as F
from torch import nn


class Regressor(nn.Module):
    def __init__(self, n_in=5, n_hidden=10):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.head = nn.Linear(n_hidden, 1)

    def forward(self, x):
        return self.head(torch.tanh(self.hidden(x)))


@torch.no_grad()
def update_ema(model, decay):
    """Shadow copy of the weights, kept on the model as a plain dict (not a module)."""
    ema = model.__dict__.setdefault("_ema", {})
    for name, value in model.state_dict().items():
        if name not in ema or ema[name].dtype != value.dtype:
            ema[name] = value.detach().clone()
        else:
            ema[name].mul_(decay).add_(value, alpha=1 - decay)
    return ema


def train_step(model, optimizer, X, y, decay=0.9):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    ema = update_ema(model, decay)
    model.load_state_dict(ema)   # BUG: the average is for evaluation only, never loaded into the trained model: delete this line
    return loss.item()
