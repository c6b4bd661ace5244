"""Two-layer fully connected classifier in the style of the cs231n assignment (neural_net.py):
affine - ReLU - affine - softmax, mean cross-entropy plus the L2 term reg * (||W1||^2 + ||W2||^2)
on the weights (the biases are not regularised). Minibatch SGD; the learning rate is multiplied
by learning_rate_decay after every epoch, as TwoLayerNet.train() does."""

import numpy as np


class TwoLayerNet(object):
    def __init__(self, input_size=5, hidden_size=10, output_size=3, std=1e-1, learning_rate=0.2,
                 learning_rate_decay=0.9, reg=1e-3, num_train=45, batch_size=15):
        rng = np.random.RandomState(0)
        self.params = {}
        self.params['W1'] = std * rng.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * rng.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)
        self.learning_rate = learning_rate
        self.learning_rate_decay = learning_rate_decay
        self.reg = reg
        self.iterations_per_epoch = max(num_train // batch_size, 1)
        self.it = 0

    def loss(self, X, y):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N = X.shape[0]

        # forward pass
        hidden_layer = np.maximum(0, X.dot(W1) + b1)
        scores = hidden_layer.dot(W2) + b2
        shifted = scores - np.max(scores, axis=1, keepdims=True)
        probs = np.exp(shifted)
        probs /= np.sum(probs, axis=1, keepdims=True)
        data_loss = -np.sum(np.log(probs[np.arange(N), y])) / N
        reg_loss = self.reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        loss = data_loss + reg_loss

        # backward pass
        grads = {}
        dscores = probs.copy()
        dscores[np.arange(N), y] -= 1
        dscores /= N
        grads['W2'] = hidden_layer.T.dot(dscores) + 2 * self.reg * W2
        grads['b2'] = np.sum(dscores, axis=0)
        dhidden = dscores.dot(W2.T)
        dhidden[hidden_layer <= 0] = 0
        grads['W1'] = X.T.dot(dhidden) + 2 * self.reg * W1
        grads['b1'] = np.sum(dhidden, axis=0)
        return loss, grads

    def train_step(self, X_batch, y_batch):
        labels = np.argmax(y_batch, axis=1)
        loss, grads = self.loss(X_batch, labels)
        for name in self.params:
            self.params[name] -= self.learning_rate * grads[name]
        self.it += 1
        if self.it % self.iterations_per_epoch == 0:
            self.learning_rate *= self.learning_rate_decay
        return loss
