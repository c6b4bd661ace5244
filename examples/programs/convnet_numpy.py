"""A small convolutional network on 1x8x8 images, from scratch in NumPy.

conv 3x3 (4 filters, bias, stride 1, no padding) via im2col -> ReLU
-> 2x2 max-pool (stride 2) -> flatten -> dense to 3 classes -> softmax
cross-entropy averaged over the batch. SGD with momentum 0.9.

    X: float (N, 1, 8, 8), y: int64 (N,) class labels in {0, 1, 2}.

Parameters (self.params):
    K   (kh, kw, cin, cout) = (3, 3, 1, 4)  conv kernel, the layout im2col wants:
        K.reshape(kh*kw*cin, cout) multiplies the (N*oh*ow, kh*kw*cin) patch matrix
    bK  (cout,)                             conv bias
    W   (cout*ph*pw, classes) = (36, 3)     dense weight; rows in channel-major
        (c, i, j) order, because the feature maps are kept as (N, C, H, W)
    b   (classes,)                          dense bias
Optimizer state: self.velocity (dict keyed like self.params), step count self.t.
"""

import os

import numpy as np


def im2col(X, kh, kw):
    """(N, C, H, W) -> (N*oh*ow, kh*kw*C), columns ordered (di, dj, c)."""
    N, C, H, W = X.shape
    oh, ow = H - kh + 1, W - kw + 1
    cols = np.empty((N, oh, ow, kh, kw, C), dtype=X.dtype)
    for di in range(kh):
        for dj in range(kw):
            # (N, C, oh, ow) -> (N, oh, ow, C)
            cols[:, :, :, di, dj, :] = X[:, :, di:di + oh, dj:dj + ow].transpose(0, 2, 3, 1)
    return cols.reshape(N * oh * ow, kh * kw * C)


class ConvNet:
    def __init__(self, in_channels=1, image_size=8, filters=4, kernel_size=3, classes=3,
                 lr=0.05, momentum=0.9, seed=0, dtype=np.float64):
        rng = np.random.default_rng(seed)
        self.dtype = dtype
        self.k = kernel_size
        conv_size = image_size - kernel_size + 1            # 6
        pooled = conv_size // 2                             # 3
        fan_in_conv = kernel_size * kernel_size * in_channels
        fan_in_fc = filters * pooled * pooled
        self.params = {
            "K": rng.standard_normal((kernel_size, kernel_size, in_channels, filters))
                 * np.sqrt(2.0 / fan_in_conv),
            "bK": rng.standard_normal(filters) * 0.1,
            "W": rng.standard_normal((fan_in_fc, classes)) / np.sqrt(fan_in_fc),
            "b": np.zeros(classes),
        }
        for k in self.params:
            self.params[k] = self.params[k].astype(dtype)
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}

        self.lr = lr
        self.momentum = momentum
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0

    # ------------------------------------------------------------------ forward
    def _forward(self, X):
        p = self.params
        X = np.asarray(X, dtype=self.dtype)
        N, C, H, W = X.shape
        kh = kw = self.k
        oh, ow = H - kh + 1, W - kw + 1
        cout = p["K"].shape[3]

        cols = im2col(X, kh, kw)                                    # (N*oh*ow, kh*kw*C)
        conv = cols @ p["K"].reshape(-1, cout) + p["bK"]            # (N*oh*ow, cout)
        conv = conv.reshape(N, oh, ow, cout).transpose(0, 3, 1, 2)  # (N, cout, oh, ow)
        relu = np.maximum(conv, 0)

        # 2x2 max-pool: put each window's 4 values on the last axis
        ph, pw = oh // 2, ow // 2
        windows = (relu[:, :, :2 * ph, :2 * pw]
                   .reshape(N, cout, ph, 2, pw, 2)
                   .transpose(0, 1, 2, 4, 3, 5)
                   .reshape(N, cout, ph, pw, 4))
        argmax = windows.argmax(axis=-1)                            # first max, row-major
        pooled = np.take_along_axis(windows, argmax[..., None], axis=-1)[..., 0]

        flat = pooled.reshape(N, -1)                                # (N, cout*ph*pw)
        logits = flat @ p["W"] + p["b"]
        return logits, (cols, conv, argmax, flat)

    def forward(self, X):
        """Logits, shape (N, classes)."""
        return self._forward(X)[0]

    @staticmethod
    def _cross_entropy(logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return -log_probs[np.arange(len(y)), y].mean(), np.exp(log_probs)

    def loss(self, X, y):
        return self._cross_entropy(self.forward(X), y)[0]

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        """Fill self.grads by the chain rule; return the loss."""
        p = self.params
        logits, (cols, conv, argmax, flat) = self._forward(X)
        loss, probs = self._cross_entropy(logits, y)
        N, cout, oh, ow = conv.shape
        ph, pw = oh // 2, ow // 2

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N

        # dense layer
        self.grads["W"] = flat.T @ dlogits
        self.grads["b"] = dlogits.sum(axis=0)
        dpooled = (dlogits @ p["W"].T).reshape(N, cout, ph, pw)

        # max-pool: the gradient goes to the position of the max, zero elsewhere
        dwindows = np.zeros((N, cout, ph, pw, 4), dtype=dpooled.dtype)
        np.put_along_axis(dwindows, argmax[..., None], dpooled[..., None], axis=-1)
        drelu = np.zeros_like(conv)
        drelu[:, :, :2 * ph, :2 * pw] = (dwindows
                                         .reshape(N, cout, ph, pw, 2, 2)
                                         .transpose(0, 1, 2, 4, 3, 5)
                                         .reshape(N, cout, 2 * ph, 2 * pw))

        # ReLU
        dconv = drelu * (conv > 0)

        # convolution: back to the (N*oh*ow, cout) layout of the im2col product
        dconv_cols = dconv.transpose(0, 2, 3, 1).reshape(-1, cout)
        self.grads["K"] = (cols.T @ dconv_cols).reshape(p["K"].shape)
        self.grads["bK"] = dconv_cols.sum(axis=0)
        # (no gradient w.r.t. the input image is needed: the conv is the first layer)
        return loss

    # ---------------------------------------------------------------- optimizer
    def update(self):
        """SGD with momentum: v = mu * v + g; p -= lr * v (v starts at zero, so v_1 = g)."""
        self.t += 1
        for k, p in self.params.items():
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            p -= self.lr * self.velocity[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "convnet.npz"))
    X, y = data["X"], data["y"]
    model = ConvNet(seed=0)
    for step in range(200):
        loss = model.train_step(X, y)
        if step % 20 == 0 or step == 199:
            accuracy = (model.forward(X).argmax(axis=1) == y).mean()
            print(f"step {step:4d}  loss {loss:.4f}  accuracy {accuracy:.2f}")
