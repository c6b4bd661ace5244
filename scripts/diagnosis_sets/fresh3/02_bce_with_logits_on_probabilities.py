"""Port as an nn.Sequential that ends in nn.Sigmoid(), trained with nn.BCEWithLogitsLoss,
which applies its own sigmoid: the loss sees sigmoid(sigmoid(z))."""

from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=3, n_hidden=5):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, n_hidden),
            nn.Sigmoid(),
            nn.Linear(n_hidden, 1),
            nn.Sigmoid(),
        )

    def forward(self, x):
        return self.net(x)


criterion = nn.BCEWithLogitsLoss()   # BUG: the model already returns probabilities


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    out = model(X)
    loss = criterion(out, y)
    loss.backward()
    optimizer.step()
    return loss.item()
