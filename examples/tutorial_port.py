"""A PyTorch port of the classic network (tutorial_sse.py): two nn.Linear layers without biases, sigmoid.

    parity check --torch examples/tutorial_port.py:Net                       # the port against the kit's NumPy network
    parity check examples/tutorial_sse.py:NeuralNetwork --output output \\
                 --torch examples/tutorial_port.py:Net                       # your NumPy network against your port
    parity check --torch examples/tutorial_port.py:Net --torch-loss "nn.MSELoss()"   # the classic porting slip: FAIL

The NumPy network sums its squared errors; nn.MSELoss averages them, which
scales every gradient by 1/n.
"""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, inputs=3, hidden=4, outputs=1):
        super().__init__()
        self.hidden = nn.Linear(inputs, hidden, bias=False)
        self.out = nn.Linear(hidden, outputs, bias=False)

    def forward(self, x):
        return torch.sigmoid(self.out(torch.sigmoid(self.hidden(x))))


def train_step(model, optimizer, X, y):
    """One step as the tutorial takes it: the sum of squared errors, plain SGD."""
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).sum()
    loss.backward()
    optimizer.step()
    return loss.item()
