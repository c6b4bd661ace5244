"""Thirty-first fresh held-out set for the diagnosis: one planted bug per program in fresh31/
(eight PyTorch ports, seven of them checked against a NumPy program of their own, and eight
NumPy programs, seven of them checked against a correct port of their own) and three correct
programs in unusual styles. The theme is image networks written from scratch in NumPy and their
PyTorch ports: small CNNs on tiny images (8x8 glyphs, 6x6 RGB tiles, 7x7 two-channel swatches,
8x8 digits of 0..16), 2-d convolution written with loops, im2col (cs231n's index helpers, as_strided,
a window stack), np.einsum over sliding_window_view, offset sums and a Toeplitz matrix; max
pooling with an argmax mask and average pooling; flatten before a dense head; LeNet-style,
depthwise-separable and two-convolution stacks; channels-first against channels-last layouts;
ports with nn.Conv2d, F.unfold, nn.MaxPool2d, nn.AvgPool2d, adaptive pooling and nn.Flatten.
The bugs are the slips learners make on either side: the flatten order and the layout of the
input, pooling arguments and padding modes, the pooling gradient's routing, the bias
gradient's axes, the im2col patch order against the kernel's layout, the 180-degree rotation of
the kernel for the input gradient, col2im with a buffered fancy-index +=, a block reshape, a
loop bound, a kernel gradient's axes. fresh31/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh31_cases

Each case:
    id          short name (prefixed PE)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). The mechanisms differ from those
of the development set (cases.py), fresh/, fresh2/, ..., fresh30/. Each buggy program was
checked to fail (exit 1) and its fix (the line marked `# fix:`, the only difference) to pass
(exit 0) under the same arguments; each correct program passes (exit 0).
"""

from case_args import in_folder

F = "scripts/diagnosis_sets/fresh31/"
port, numpy_net = in_folder(F)

GLYPHS, GLYPHS_HWC = F + "glyphs.npz", F + "glyphs_hwc.npz"
TILES, TILES_HWC = F + "tiles.npz", F + "tiles_hwc.npz"
SWATCHES, DIGITS = F + "swatches.npz", F + "digits.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="PE01_hwc_flatten_order", side="port",
         args=pair("01_glyph_cnn_numpy.py", "GlyphCNN", "01_glyph_cnn_torch.py", "GlyphCNN", "--data", GLYPHS_HWC,
                   *params("params['K']=conv.weight.permute(2,3,1,0)", "params['b']=conv.bias",
                           "params['W']=fc.weight.T", "params['c']=fc.bias")),
         mechanism='pair: the NumPy program keeps its maps channels-last and flattens the pooled (n, 3, 3, 4) map in (h, '
                   'w, c) order, so row (3 h + w) * 4 + c of its dense weight belongs to feature (h, w, c); the port '
                   "flattens torch's channels-first (n, 4, 3, 3) map with torch.flatten(x, 1), (c, h, w) order (feature "
                   '9 c + 3 h + w), without permuting back to NHWC first (x.permute(0, 2, 3, 1).flatten(1)): the 36 '
                   'features meet the rows of the dense weight in a permuted order, so the logits, the loss and every '
                   'gradient differ (the convolution itself is right)',
         expected=('flatten', 'flatten order', 'torch.flatten', 'channels-last', 'channels last',
                   'channels-first', 'channels first', 'nhwc', 'nchw', '(h, w, c)', '(c, h, w)',
                   'permute(0, 2, 3, 1)', 'feature order', 'order of the features', 'permuted', 'dense weight')),
    dict(id="PE02_nhwc_transpose_1_3", side="port",
         args=pair("02_tile_cnn_numpy.py", "TileCNN", "02_tile_cnn_torch.py", "TileCNN", "--data", TILES_HWC,
                   *params("K=conv.weight.permute(2,3,1,0)", "bK=conv.bias", "W=head.weight.T", "bW=head.bias")),
         mechanism='pair: the port moves the channels of its channels-last tiles to the front with x.transpose(1, 3), '
                   'which turns (n, H, W, C) into (n, C, W, H), not (n, C, H, W) (x.permute(0, 3, 1, 2)): the square 6x6 '
                   'tiles keep their shape but every tile reaches nn.Conv2d transposed (rows and columns swapped, '
                   'mirrored about the diagonal), so the port convolves the transposed images and its flattened features '
                   'come out in (w, h, c) order instead of (h, w, c)',
         expected=('transpose(1, 3)', 'transpose(1,3)', 'permute(0, 3, 1, 2)', 'permute(0,3,1,2)',
                   'transposed image', 'image transposed', 'rows and columns', 'height and width', 'h and w',
                   '(n, c, w, h)', 'nhwc', 'nchw', 'channels-last', 'channels last', 'mirrored', 'diagonal')),
    dict(id="PE03_avgpool_count_include_pad", side="port",
         args=pair("03_glyph_pool_numpy.py", "GlyphPoolNet", "03_glyph_pool_torch.py", "GlyphPoolNet",
                   "--data", GLYPHS,
                   *params("K=features.0.weight", "bK=features.0.bias", "W=classifier.weight.T",
                           "b=classifier.bias")),
         mechanism="pair: the port's nn.AvgPool2d(3, stride=2, padding=1) keeps its default count_include_pad=True and "
                   "divides every window by 9, the zero padding counted, where the NumPy program's 'SAME' average "
                   "pooling (TensorFlow's) divides by the pixels the window really covers: the pooled values of the "
                   "first row and column of windows are 6/9 (the corner 4/9) of the NumPy program's, and their gradients "
                   'too (count_include_pad=False meant)',
         expected=('count_include_pad', 'count include pad', 'padding counted', 'counts the padding',
                   'padded zeros', 'zero padding', 'divisor', 'divided by 9', '/ 9', '4/9', '6/9', 'border',
                   'edge windows', 'corner', 'avgpool2d', 'average pooling', 'avg_pool2d', 'same padding',
                   'tensorflow')),
    dict(id="PE04_adaptive_max_pool", side="port",
         args=pair("04_swatch_cnn_numpy.py", "SwatchCNN", "04_swatch_cnn_torch.py", "SwatchCNN", "--data", SWATCHES,
                   *params("params['K']=conv.weight", "params['bK']=conv.bias", "params['W']=fc.weight.T",
                           "params['b']=fc.bias")),
         mechanism='pair: the port pools the 5x5 maps with nn.AdaptiveMaxPool2d((2, 2)) where the NumPy program takes '
                   '2x2 max pooling with stride 2 (nn.MaxPool2d(2)), which leaves out the fifth row and column: the '
                   'adaptive bins are rows and columns [0, 3) and [2, 5), overlapping 3x3 windows that share the middle '
                   'row and column and include the last ones, so the pooled maxima (and where their gradients go) differ '
                   'though the output is 2x2 on both sides',
         expected=('adaptivemaxpool2d', 'adaptive_max_pool2d', 'adaptive pooling', 'maxpool2d', 'max_pool2d',
                   'bins', 'overlapping', '3x3 window', 'last row', 'fifth row', 'pooling windows', 'max pooling')),
    dict(id="PE05_padding_mode_zeros", side="port",
         args=pair("05_reflect_cnn_numpy.py", "ReflectCNN", "05_reflect_cnn_torch.py", "ReflectCNN", "--data", GLYPHS,
                   *params("params['K']=conv.weight", "params['bK']=conv.bias", "params['W']=out.weight.T",
                           "params['b']=out.bias")),
         mechanism="pair: the NumPy program pads its 'same' 3x3 convolution by reflection (np.pad(..., mode='reflect')) "
                   "but the port's nn.Conv2d(1, 3, 3, padding=1) keeps the default padding_mode='zeros': the 28 border "
                   "pixels of every 8x8 output map see zeros instead of the reflected neighbours (padding_mode='reflect' "
                   "meant), so the border activations, the pooled features and the kernel's gradient differ; the "
                   'interior is right',
         expected=('padding_mode', 'padding mode', 'reflect', 'reflection', "mode='reflect'", 'zero padding',
                   'zero-padding', 'np.pad', 'border', 'boundary', 'padding=1', 'same convolution', 'padded')),
    dict(id="PE06_lenet_max_for_average", side="port",
         args=pair("06_lenet_numpy.py", "LeNet", "06_lenet_torch.py", "LeNet", "--data", GLYPHS,
                   *params("C1=features.0.weight", "C1_b=features.0.bias", "F3=classifier.0.weight.T",
                           "F3_b=classifier.0.bias", "OUT=classifier.2.weight.T", "OUT_b=classifier.2.bias")),
         mechanism="pair: the port's LeNet subsampling layer is nn.MaxPool2d(kernel_size=2, stride=2), the modern "
                   "tutorials' choice, where the NumPy program follows LeCun's original subsampling, the average of each "
                   "2x2 block (nn.AvgPool2d): the port keeps each block's largest tanh activation instead of the mean, "
                   'and its gradient goes to the winning pixel alone instead of a quarter to each of the four',
         expected=('maxpool2d', 'max pooling', 'max-pooling', 'avgpool2d', 'average pooling', 'avg_pool',
                   'mean pooling', 'subsampling', 'lenet', 'average of each', 'instead of the mean', 'largest',
                   'winner', 'argmax', 'quarter', '1/4')),
    dict(id="PE07_grayscale_mean", side="port",
         args=pair("07_gray_cnn_numpy.py", "GrayCNN", "07_gray_cnn_torch.py", "GrayCNN", "--data", TILES_HWC,
                   *params("params['K']=net.0.weight", "params['bK']=net.0.bias", "params['W']=net.4.weight.T",
                           "params['b']=net.4.bias")),
         mechanism='pair: the port converts the RGB tiles to grey with x.mean(dim=-1), the plain average (R + G + B) / '
                   '3, where the NumPy program uses the ITU-R BT.601 luminance weights 0.299 R + 0.587 G + 0.114 B '
                   "(PIL's convert('L')): the single input channel the convolution sees is a different image (green "
                   'weighted 1/3 instead of 0.587, blue 1/3 instead of 0.114), so every activation and gradient differs',
         expected=('grayscale', 'greyscale', 'gray', 'grey', 'luminance', 'luma', '0.299', '0.587', '0.114',
                   'bt.601', 'rec. 601', 'mean of the channels', 'average of the channels', '(r + g + b) / 3',
                   'mean(dim=-1)', 'channel weights', 'rgb')),
    dict(id="PE08_relu6_block", side="port",
         args=port("08_digit_mlp_port.py", "Net", "--data", DIGITS, "--hidden-activation", "relu",
                   "--output-activation", "softmax", "--loss", "ce", "--optimizer", "momentum",
                   "--momentum", "0.9", "--lr", "0.01"),
         mechanism="the port's hidden block, shared with MobileNet code, is nn.Linear followed by nn.ReLU6, min(max(z, "
                   "0), 6), where the NumPy network's hidden layer is the unbounded ReLU: on the 0..16 pixel values many "
                   'pre-activations exceed 6, so those units are clipped at 6 and pass no gradient (their derivative is '
                   "0 above 6 instead of 1); against the kit's NumPy network",
         expected=('relu6', 'relu 6', 'relu(6)', 'clipped at 6', 'clip at 6', 'capped', 'saturat',
                   'min(max(z, 0), 6)', 'upper bound', 'bounded', 'above 6', '> 6', 'mobilenet', 'hardtanh',
                   'clamp', 'derivative 0')),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="PE09_argmax_decode_swapped", side="numpy",
         args=pair("09_maxpool_cnn_numpy.py", "MaxPoolCNN", "09_maxpool_cnn_torch.py", "MaxPoolCNN", "--data", GLYPHS,
                   *params("Wc=conv.weight", "bc=conv.bias", "Wd=dense.weight.T", "bd=dense.bias")),
         mechanism='pair: the 2x2 max pooling records the winner as the argmax of each block flattened row by row (idx = '
                   '2 row + column), but the backward pass decodes it as r, c = idx % 2, idx // 2 instead of idx // 2, '
                   'idx % 2: a maximum in the top-right pixel of a block sends its gradient to the bottom-left pixel and '
                   'vice versa (top-left and bottom-right are right), so the conv kernel and bias get wrong gradients '
                   '(the dense layer is right)',
         expected=('argmax', 'unravel_index', 'idx // 2', 'idx % 2', 'row and column', 'decod', 'max pooling',
                   'max-pool', 'maxpool', 'routing', 'routed', 'wrong position', 'wrong pixel',
                   'pooling gradient', 'winner')),
    dict(id="PE10_conv_bias_grad_axes", side="numpy",
         args=pair("10_tile_bias_numpy.py", "TileNet", "10_tile_bias_torch.py", "TileNet", "--data", TILES,
                   *params("params['conv_w']=conv.weight", "params['conv_b']=conv.bias", "params['fc_w']=fc.weight.T",
                           "params['fc_b']=fc.bias")),
         mechanism="pair: the convolution bias's gradient is summed over axis=(0, 1, 2), the channels-last tuple kept "
                   "from the program's (n, H, W, C) version, on the channels-first (n, C, H, W) gradient: it sums over "
                   'the batch, the channels and the rows and keeps the width, so conv_b[c] gets the gradient summed over '
                   "column c of every channel instead of channel c's over (0, 2, 3); with 4 channels and 4-wide maps the "
                   'shape (4,) fits and nothing fails',
         expected=('axis=(0, 1, 2)', 'axis=(0, 2, 3)', 'axis=(0,1,2)', 'axis=(0,2,3)', 'bias gradient',
                   'conv bias', 'wrong axis', 'wrong axes', 'channels-last', 'channels last', 'nchw', 'nhwc',
                   'per channel', 'summed over the channels')),
    dict(id="PE11_im2col_order_kernel_reshape", side="numpy",
         args=pair("11_gap_cnn_numpy.py", "GapCNN", "11_gap_cnn_torch.py", "GapCNN", "--data", TILES,
                   *params("kernel=conv.weight.permute(2,3,1,0)", "kernel_bias=conv.bias", "dense=fc.weight.T",
                           "dense_bias=fc.bias")),
         mechanism="pair: im2col flattens each window channel first, (c, kh, kw), but the kernel kept in Keras's (kh, "
                   'kw, cin, cout) layout is turned into the (27, 5) matrix by kernel.reshape(-1, 5), rows in (kh, kw, '
                   'c) order, instead of kernel.transpose(2, 0, 1, 3).reshape(-1, 5): the forward convolution applies a '
                   'kernel whose 27 taps are permuted (channel and spatial offsets interleaved) while the backward (an '
                   'einsum into (kh, kw, c, o)) is the gradient of the intended kernel, so loss and gradients differ '
                   'from the first step',
         expected=('im2col', 'patch order', 'column order', '(c, kh, kw)', '(kh, kw, c)', 'kernel layout',
                   'transpose(2, 0, 1, 3)', 'kernel taps', 'channel order', 'keras', '(kh, kw, cin, cout)')),
    dict(id="PE12_input_grad_kernel_not_rotated", side="numpy",
         args=pair("12_two_conv_numpy.py", "TwoConvNet", "12_two_conv_torch.py", "TwoConvNet", "--data", GLYPHS,
                   *params("params['K1']=conv1.weight", "params['b1']=conv1.bias", "params['K2']=conv2.weight",
                           "params['b2']=conv2.bias", "params['W']=fc.weight.T", "params['c']=fc.bias")),
         mechanism="pair: the gradient for the second convolution's input is computed as the 'full' correlation of the "
                   'zero-padded output gradient with K2 itself instead of K2 rotated by 180 degrees (K2[:, :, ::-1, '
                   '::-1], flipped in both spatial axes): every kernel tap meets the mirrored position, so the gradient '
                   'reaching the first layer is wrong and K1 and b1 get wrong gradients (K2, b2 and the dense layer are '
                   'right)',
         expected=('rot180', 'rotated', 'rotate', '180 degrees', '180°', 'flip', 'flipped', '[::-1, ::-1]',
                   'mirrored', 'full convolution', 'full correlation', 'input gradient', 'gradient of the input',
                   'transposed convolution', 'kernel not flipped', 'backward of conv')),
    dict(id="PE13_col2im_fancy_index_add", side="numpy",
         args=pair("13_im2col_stack_numpy.py", "Im2colStack", "13_im2col_stack_torch.py", "Im2colStack",
                   "--data", GLYPHS,
                   *params("model['w1']=body.0.weight", "model['b1']=body.0.bias", "model['w2']=body.2.weight",
                           "model['b2']=body.2.bias", "model['w3']=head.weight.T", "model['b3']=head.bias")),
         mechanism='pair: col2im scatters the column gradients with x[:, k, i, j] += cols_reshaped instead of np.add.at: '
                   "NumPy's fancy-index += is buffered, so where the (k, i, j) index triples repeat (pixels shared by "
                   'overlapping 3x3 windows) only one contribution survives instead of their sum; the input gradient of '
                   'the second convolution is too small wherever windows overlap, and w1 and b1 get wrong gradients (w2, '
                   'b2, w3, b3 are right)',
         expected=('np.add.at', 'add.at', 'fancy index', 'fancy-index', 'advanced indexing', 'buffered',
                   'duplicate indices', 'repeated indices', 'duplicates', 'only once', 'last write', 'col2im',
                   'overlapping windows', 'overlap', 'unbuffered')),
    dict(id="PE14_block_reshape_strided_pool", side="numpy",
         args=pair("14_hwc_avgpool_numpy.py", "HwcAvgPoolNet", "14_hwc_avgpool_torch.py", "HwcAvgPoolNet",
                   "--data", GLYPHS_HWC,
                   *params("K=conv.weight.permute(2,3,1,0)", "bK=conv.bias", "W=fc.weight.T", "b=fc.bias")),
         mechanism='pair: the 2x2 average pooling reshapes the channels-last 6x6 map as a.reshape(n, 2, 3, 2, 3, '
                   '4).mean(axis=(1, 3)) instead of a.reshape(n, 3, 2, 3, 2, 4).mean(axis=(2, 4)): each pooled value '
                   'averages the four pixels 3 apart, (h, w), (h + 3, w), (h, w + 3), (h + 3, w + 3), a strided '
                   '(dilated) pattern instead of the 2x2 block at (2h, 2w), while the backward spreads each pooled '
                   'gradient over the 2x2 block (np.repeat): the forward pass and every gradient differ',
         expected=('reshape(n, 3, 2, 3, 2', 'axis=(2, 4)', '2x2 block', 'neighbouring', 'adjacent', 'strided',
                   'dilated', '3 apart', 'wrong pixels', 'pooling windows', 'non-adjacent')),
    dict(id="PE15_conv_loop_off_by_one", side="numpy",
         args=pair("15_loop_conv_numpy.py", "LoopConvNet", "15_loop_conv_torch.py", "LoopConvNet", "--data", SWATCHES,
                   *params("filters=conv.weight", "filter_bias=conv.bias", "weights=fc.weight.T", "bias=fc.bias")),
         mechanism='pair: the convolution loop runs over itertools.product(range(H - k), range(W - k)) instead of '
                   'range(H - k + 1): the last output row and column (9 of the 25 positions of each 5x5 map) are never '
                   "computed and stay at zero plus the bias, while the backward loop (over the output's full shape) uses "
                   "them: the forward output, the dense layer's input and every gradient differ",
         expected=('off-by-one', 'off by one', 'range(h - k)', 'h - k + 1', 'loop bound', 'last row',
                   'last column', 'never computed', 'missing positions', 'output size', 'border',
                   'valid convolution')),
    dict(id="PE16_filter_bank_grad_transposed", side="numpy",
         args=numpy_net("16_filter_bank_net.py", "FilterBankNet", "--init", "FilterBankNet()",
                        "--step", "net.train_step(X, y)", "--data", "random:30,36,3",
                        "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                        "--lr", "0.1"),
         mechanism="the first layer's 6x6 filters are applied to the images with np.einsum('nij,ijk->nk', ...) but their "
                   "gradient is written np.einsum('nij,nk->jik', ...) instead of '->ijk': each hidden unit's 6x6 filter "
                   "gradient is transposed, pixel (i, j)'s gradient stored at (j, i), row 6 j + i of W1 instead of 6 i + "
                   'j (the diagonal right); W1 steps with a permuted gradient while b1, W2 and b2 are right; against the '
                   "kit's torch twin",
         expected=('einsum', 'jik', 'ijk', 'transposed', '(j, i)', 'rows and columns', 'row and column',
                   'subscripts', 'w1 gradient', 'image axes', 'spatial axes')),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="PEC1_separable_pool_before_relu", side="correct",
         args=pair("correct_01_separable_numpy.py", "SeparableNet", "correct_01_separable_torch.py", "SeparableNet",
                   "--data", TILES_HWC,
                   *params("params['depthwise']=depthwise.weight.permute(2,3,0,1)",
                           "params['pointwise']=pointwise.weight.permute(2,3,1,0)",
                           "params['pointwise_bias']=pointwise.bias", "params['dense']=dense.weight.T",
                           "params['dense_bias']=dense.bias")),
         mechanism="pair: NumPy depthwise-separable block channels-last (a depthwise 3x3 convolution in Keras's (kh, kw, "
                   'c, 1) layout by np.einsum over sliding_window_view, a 1x1 pointwise convolution in the (1, 1, cin, '
                   'cout) layout as a matrix product), 2x2 max pooling with take_along_axis / put_along_axis taken '
                   'before the ReLU, flatten (h, w, c), Adam; against nn.Conv2d(groups=3, bias=False) and a 1x1 '
                   'nn.Conv2d paired through .permute, ReLU before F.max_pool2d (the same function), flatten after '
                   'permute(0, 2, 3, 1)',
         expected=()),
    dict(id="PEC2_toeplitz_against_unfold", side="correct",
         args=pair("correct_02_toeplitz_numpy.py", "ToeplitzNet", "correct_02_toeplitz_torch.py", "ToeplitzNet",
                   "--data", SWATCHES,
                   *params("K=kernel", "bK=kernel_bias", "W=fc.weight.T", "b=fc.bias")),
         mechanism='pair: NumPy convolution as one product with the doubly-blocked Toeplitz matrix rebuilt from the '
                   'kernel each step (the kernel gradient gathered back from the Toeplitz gradient), 2x2 average pooling '
                   'of the odd 5x5 map through np.kron, AdaGrad by hand; against a port whose convolution is F.unfold '
                   'times the raw kernel parameter, F.avg_pool2d and torch.optim.Adagrad',
         expected=()),
    dict(id="PEC3_fullimage_conv_port", side="correct",
         args=port("correct_03_fullimage_conv_port.py", "Net", "--data", DIGITS, "--hidden-activation", "tanh",
                   "--output-activation", "softmax", "--loss", "ce", "--optimizer", "adam", "--lr", "0.005"),
         mechanism='port: the dense hidden layer written as a convolution whose kernel covers the whole 8x8 image '
                   "(nn.Linear(64, 16)'s weight viewed as 16 kernels of 1x8x8 and applied with F.conv2d after reshaping "
                   'the rows to images), tanh, the loss the negative log-likelihood under '
                   "torch.distributions.Categorical(logits=...) of y.argmax(1), zero_grad(set_to_none=True); the kit's "
                   'NumPy network with Adam on 0..16 pixel digits',
         expected=()),
]
